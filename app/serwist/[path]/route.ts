import { createSerwistRoute } from '@serwist/turbopack';

/**
 * /serwist/sw.js: the register's service worker (service-worker/sw.ts), bundled by Serwist with the
 * build's precache manifest at `next build` (a static route; docs/offline.md says why Turbopack's
 * Serwist and not the webpack plugin). The proxy leaves /serwist/ unrewritten on tenant hosts.
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'service-worker/sw.ts',
  useNativeEsbuild: true,
});
