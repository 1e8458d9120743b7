# syntax=docker/dockerfile:1
# Tillwise's images (docs/scaling.md, "Containers"). No Docker engine runs on our machines, so this
# file has not been built there; `npm run start:standalone` runs the same build and start without
# Docker, and that is what was tried.
#
#   runner   (default) the Next.js standalone server, non-root, migrates the database at start
#   gateway  the payment gateway simulator (gateway/), for compose
#   tools    the full source with dev dependencies: `npm run db:migrate`, `npm run db:seed`, …

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# NEXT_OUTPUT=standalone next build into .next-standalone, then static files beside server.js and
# a check that migrations, PGlite's wasm and argon2's binding made it (scripts/standalone.ts).
RUN npm run build:standalone

FROM deps AS gateway
COPY tsconfig.json ./
COPY gateway ./gateway
ENV GATEWAY_HOST=0.0.0.0 GATEWAY_PORT=4010
USER node
EXPOSE 4010
CMD ["node", "--import", "tsx", "gateway/main.ts"]

FROM build AS tools
USER node
CMD ["npm", "run", "db:migrate"]

FROM node:20-bookworm-slim AS runner
WORKDIR /app
# HOSTNAME: Docker sets it to the container id; the server must listen on every interface.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    PGLITE_DIR=/app/data/pglite
RUN groupadd --system --gid 1001 tillwise \
 && useradd --system --uid 1001 --gid tillwise --home-dir /app --shell /usr/sbin/nologin tillwise
# The code stays root's (read-only to the app); only the data and Next's cache are writable.
COPY --from=build /app/.next-standalone/standalone ./
RUN mkdir -p /app/data /app/.next-standalone/cache && chown tillwise:tillwise /app/data /app/.next-standalone/cache
USER tillwise
EXPOSE 3000
# Liveness only (/api/health touches no dependency); /api/ready reports the database and Redis.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Every start applies migrations and db/policies.sql to DATABASE_URL first (idempotent, serialised
# by an advisory lock when several instances start at once), then serves.
CMD ["node", "server.js"]
