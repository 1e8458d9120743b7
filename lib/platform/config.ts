import { z } from 'zod';

/** The bundled gateway simulator's well-known key (gateway/README.md): fine for the demo only. */
const SIMULATOR_TEST_KEY = 'sk_test_tillwise';

/**
 * Every environment variable the app reads, validated in one place. Parsed lazily (first call),
 * so `next build` can import modules without a runtime environment, and memoised after that.
 */
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined) // an empty variable means "not set"
  .pipe(z.url().optional());

/** An on/off switch: `true` or `false` (unset: false). */
const flag = z.enum(['true', 'false'], 'must be true or false').default('false').transform((v) => v === 'true');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Host (and optional port) of the landing site; tenants live on `<slug>.<ROOT_DOMAIN>`. */
    ROOT_DOMAIN: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.-]+(:\d+)?$/, 'must be a host name with an optional port, e.g. localhost:3000')
      .default('localhost:3000'),
    /** Owner connection (migrations). Without it the app runs on embedded PGlite. */
    DATABASE_URL: optionalUrl,
    /** Connection the app queries with; defaults to DATABASE_URL with the user `tillwise_app`. */
    DATABASE_APP_URL: optionalUrl,
    /**
     * Whether the app's connection may use named prepared statements (postgres.js's default). Set
     * `false` when DATABASE_APP_URL goes through a transaction pooler that cannot carry them, such as
     * PgBouncer before 1.21 (docs/scaling.md).
     */
    DATABASE_PREPARE: z.enum(['true', 'false'], 'must be true or false').default('true').transform((v) => v === 'true'),
    /** PGlite data directory, or `memory://` for a throw-away database (tests). */
    PGLITE_DIR: z.string().default('.data/pglite'),
    /** A PGlite data-directory tarball a `memory://` database starts from (the tests' migrated template). */
    PGLITE_TEMPLATE: z.string().optional(),
    REDIS_URL: optionalUrl,
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
    /** MongoDB for the product catalog; without it the catalog lives in Postgres. */
    MONGODB_URI: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional()),
    /** NATS with JetStream: when set, the outbox relay also publishes every event there (lib/events/nats.ts). */
    NATS_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().regex(/^(nats|tls|wss?):\/\/[^\s]+$/, 'must be a nats:// (or tls://, ws://, wss://) URL').optional()),
    /** First subject token(s) of relayed events: `<prefix>.<tenantId>.<EventType>`. */
    NATS_SUBJECT_PREFIX: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'must be subject tokens of letters, digits, _ or - joined by dots')
      .default('tillwise'),
    /** The JetStream stream that stores them (created at relay start if missing). */
    NATS_STREAM: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -')
      .default('TILLWISE'),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
    /** Absolute session life in hours; the product promise is at most 12. */
    SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(12).default(12),
    /** Delay before answering a sign-in on an account past its failure limit (the slow path). */
    SIGN_IN_SLOW_PATH_MS: z.coerce.number().int().min(0).max(30_000).default(3000),
    /** The card payment gateway (the bundled simulator: `npm run gateway`). */
    PAYMENT_GATEWAY_URL: z.url().default('http://127.0.0.1:4010'),
    PAYMENT_GATEWAY_KEY: z.string().min(1).default(SIMULATOR_TEST_KEY),
    /** Resilience of gateway calls: per-attempt timeout, retries, breaker. */
    GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    GATEWAY_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
    BREAKER_SUCCESSES: z.coerce.number().int().min(1).max(20).default(2),
    /** How long after a card payment started the gateway may still be processing it ("not found" means nothing before that). */
    GATEWAY_PROCESSING_WINDOW_MS: z.coerce.number().int().min(0).max(86_400_000).default(120_000),
    /** Bearer token for /api/metrics and the details of /api/ready; without it metrics are off. */
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
    /** Set by `npm run demo` only: a production build on this machine with the demo's defaults. */
    TILLWISE_DEMO: flag,
    /** The operator's promise that one app process serves all traffic, so Redis may be left out. */
    TILLWISE_SINGLE_INSTANCE: flag,
    /** The sales assistant's model (docs/assistant.md): OpenAI, GitHub Models, any OpenAI-compatible server, or the built-in offline model. */
    ASSISTANT_PROVIDER: z.enum(['auto', 'openai', 'github', 'compatible', 'offline']).default('auto'),
    OPENAI_API_KEY: z.string().trim().optional().transform((v) => v || undefined),
    GITHUB_TOKEN: z.string().trim().optional().transform((v) => v || undefined),
    OPENAI_BASE_URL: optionalUrl,
    GITHUB_MODELS_URL: z.url().default('https://models.github.ai/inference'),
    ASSISTANT_MODEL: z.string().trim().min(1).default('gpt-4o'),
    /**
     * Requests a minute all API keys of one business may make together (docs/security.md ›
     * API keys), on top of each key's own limit: many keys cannot add up to more.
     */
    API_BUSINESS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(3000),
    /** Chat messages per user per minute. */
    ASSISTANT_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
    /** Longest the assistant keeps a tool's figures; a change of them ends the entry sooner (docs/assistant.md › Cache). */
    ASSISTANT_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    /**
     * Where emailed receipts go out (`smtp://user:pass@host:587`, `smtps://…:465`). Unset: each
     * mail is written to the log instead (recipient and subject), never silently dropped (docs/receipts.md).
     */
    SMTP_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL').optional()),
    /** The sender of emailed receipts; the business's name is put in front of it (`"Golden Cup" <receipts@…>`). */
    MAIL_FROM: z.email('must be an email address').default('receipts@tillwise.local'),
    /** Longest an SMTP connection, greeting or reply may take before the send fails and is retried later. */
    SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /**
     * Hosts a webhook may be sent to although they resolve to a loopback, private, link-local or
     * other internal address (docs/security.md › Webhooks and SSRF): a comma list of `host` or
     * `host:port` (`127.0.0.1:4000,hooks.internal`). Empty (the default): only public addresses.
     */
    WEBHOOK_ALLOW_HOSTS: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)),
    /** Longest a webhook's connection may take, and its whole answer (the body is cut at a few KB). */
    WEBHOOK_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
    WEBHOOK_RESPONSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Where uploaded files (product photos) are kept on disk when no S3 bucket is set (lib/storage). */
    STORAGE_DIR: z.string().trim().min(1).default('.data/objects'),
    /** An S3-compatible bucket for uploads instead of the disk (all of bucket and keys set; endpoint: AWS's for the region when unset). */
    S3_BUCKET: z.string().trim().optional().transform((v) => v || undefined),
    S3_ENDPOINT: optionalUrl,
    S3_REGION: z.string().trim().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().trim().optional().transform((v) => v || undefined),
    S3_SECRET_ACCESS_KEY: z.string().trim().optional().transform((v) => v || undefined),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Must stay unset (see crossFieldIssues); listed so the rule is visible here. */
    NEXTAUTH_URL: z.string().optional(),
  });

export type Config = z.infer<typeof envSchema> & { authSecret: string };

/** Development/test only: a fixed secret keeps sessions valid across restarts of `next dev`. */
const DEV_ONLY_SECRET = 'tillwise-development-secret-not-for-production-use';

const LOOPBACK_HOST = /^(localhost|[a-z0-9.-]+\.localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Whether the development secret may sign sessions here: a developer's own machine. */
function devSecretAllowed(env: Record<string, string | undefined>): boolean {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const host = (env.ROOT_DOMAIN ?? 'localhost').trim().toLowerCase();
  return (nodeEnv === 'development' || nodeEnv === 'test') && LOOPBACK_HOST.test(host);
}

let cached: Config | undefined;

export class ConfigError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(
      'Invalid environment configuration:\n' +
        issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Rules across variables, checked on the raw values so they are reported with the rest. */
function crossFieldIssues(env: Record<string, string | undefined>): z.core.$ZodIssue[] {
  const issue = (name: string, message: string) => ({ code: 'custom' as const, path: [name], message, input: env[name] });
  const production = env.NODE_ENV === 'production' && env.TILLWISE_DEMO !== 'true';
  return [
    ...(env.UPSTASH_REDIS_REST_URL && !env.UPSTASH_REDIS_REST_TOKEN
      ? [issue('UPSTASH_REDIS_REST_TOKEN', 'is required with UPSTASH_REDIS_REST_URL')]
      : []),
    ...(env.S3_BUCKET && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)
      ? [issue('S3_ACCESS_KEY_ID', 'and S3_SECRET_ACCESS_KEY are required with S3_BUCKET')]
      : []),
    ...(env.NEXTAUTH_URL
      ? [issue('NEXTAUTH_URL', 'must not be set: every tenant has its own host, and next-auth takes it from each request')]
      : []),
    ...(!env.NEXTAUTH_SECRET && !env.AUTH_SECRET && !devSecretAllowed(env)
      ? [issue('NEXTAUTH_SECRET', 'is required outside development on localhost (openssl rand -base64 32)')]
      : []),
    ...(['NEXTAUTH_SECRET', 'AUTH_SECRET'] as const)
      .filter((name) => env[name] === DEV_ONLY_SECRET && !devSecretAllowed(env))
      .map((name) => issue(name, 'must not be the development secret outside development on localhost')),
    // The demo is a production build on one machine with the simulator: it may keep its defaults.
    ...(production && (env.PAYMENT_GATEWAY_KEY ?? SIMULATOR_TEST_KEY) === SIMULATOR_TEST_KEY
      ? [issue('PAYMENT_GATEWAY_KEY', `must be your gateway’s own key in production (${SIMULATOR_TEST_KEY} is the simulator’s public test key)`)]
      : []),
    ...(production && !env.REDIS_URL && !env.UPSTASH_REDIS_REST_URL && env.TILLWISE_SINGLE_INSTANCE !== 'true'
      ? [issue('REDIS_URL', 'is required in production (or UPSTASH_REDIS_REST_URL), so that every instance shares revocations, lockouts and rate limits; if only one instance ever runs, set TILLWISE_SINGLE_INSTANCE=true')]
      : []),
  ];
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  const issues = [...(result.error?.issues ?? []), ...crossFieldIssues(env)];
  if (!result.success || issues.length > 0) throw new ConfigError(issues);
  const parsed = result.data;
  return { ...parsed, authSecret: parsed.NEXTAUTH_SECRET ?? parsed.AUTH_SECRET ?? DEV_ONLY_SECRET };
}

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests change the environment between suites. */
export function resetConfigForTests(): void {
  cached = undefined;
}
