import { headers } from 'next/headers';
import { cache } from 'react';
import { TENANT_HEADER } from './host';
import { findTenantBySlug, type TenantInfo } from './registry';

/** The tenant of the current request's host, once per render (server components, actions). */
export const currentTenant = cache(async (): Promise<TenantInfo | null> => {
  const slug = (await headers()).get(TENANT_HEADER);
  return slug ? findTenantBySlug(slug) : null;
});

/**
 * The host tenant's currency, for reading a typed amount before an action's guard runs (the
 * guard refuses an unknown host; the fallback only keeps the parse total).
 */
export const currentCurrency = async (): Promise<string> => (await currentTenant())?.currency ?? 'USD';
