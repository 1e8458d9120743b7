import { z } from 'zod';
import { issueWords } from '@/lib/platform/issue-words';

/** Subdomains that belong to us, not to a business. */
export const RESERVED_SLUGS = new Set([
  'www', 'api', 'admin', 'app', 'apps', 'auth', 'login', 'signin', 'signup', 'register', 'account',
  'accounts', 'billing', 'dashboard', 'help', 'support', 'status', 'docs', 'blog', 'mail', 'email',
  'smtp', 'static', 'assets', 'cdn', 'media', 'img', 'images', 'files', 'dev', 'staging', 'test',
  'demo-site', 'internal', 'system', 'root', 'localhost', 'tillwise', 'pos', 't', 'ws', 'metrics',
]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  // An empty or short address stops here: the pattern checks below would only add confusing messages.
  .min(1, { message: 'Enter a store address', abort: true })
  .min(3, { message: 'Use at least 3 characters', abort: true })
  .max(32, 'Use at most 32 characters')
  .regex(/^[a-z0-9-]+$/, 'Use only letters, digits and hyphens')
  .regex(/^[a-z0-9].*[a-z0-9]$/, 'Start and end with a letter or digit')
  .refine((s) => !s.includes('--'), { message: 'Do not use two hyphens in a row', params: issueWords('twoHyphens') })
  .refine((s) => !RESERVED_SLUGS.has(s), { message: 'This address is reserved; choose another', params: issueWords('addressReserved') });
