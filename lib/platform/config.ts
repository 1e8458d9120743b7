import { z } from 'zod';

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
    /** PGlite data directory, or `memory://` for a throw-away database (tests). */
    PGLITE_DIR: z.string().default('.data/pglite'),
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
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
    /** Absolute session life in hours; the product promise is at most 12. */
    SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(12).default(12),
    /** The card payment gateway (the bundled simulator: `npm run gateway`). */
    PAYMENT_GATEWAY_URL: z.url().default('http://127.0.0.1:4010'),
    PAYMENT_GATEWAY_KEY: z.string().min(1).default('sk_test_tillwise'),
    /** Resilience of gateway calls: per-attempt timeout, retries, breaker. */
    GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    GATEWAY_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
    BREAKER_SUCCESSES: z.coerce.number().int().min(1).max(20).default(2),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Must stay unset (see crossFieldIssues); listed so the rule is visible here. */
    NEXTAUTH_URL: z.string().optional(),
  });

export type Config = z.infer<typeof envSchema> & { authSecret: string };

/** Development/test only: a fixed secret keeps sessions valid across restarts of `next dev`. */
const DEV_ONLY_SECRET = 'tillwise-development-secret-not-for-production-use';

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
  return [
    ...(env.UPSTASH_REDIS_REST_URL && !env.UPSTASH_REDIS_REST_TOKEN
      ? [issue('UPSTASH_REDIS_REST_TOKEN', 'is required with UPSTASH_REDIS_REST_URL')]
      : []),
    ...(env.NEXTAUTH_URL
      ? [issue('NEXTAUTH_URL', 'must not be set: every tenant has its own host, and next-auth takes it from each request')]
      : []),
    ...(env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET && !env.AUTH_SECRET
      ? [issue('NEXTAUTH_SECRET', 'is required in production')]
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
