import { and, desc, eq, sql } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema/webhooks';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';
import { definedFields } from '@/lib/platform/validation';
import type { WebhookEndpointInput, WebhookEndpointPatch } from './schemas';
import { newSigningSecret, sealSecret, secretPrefix } from './secrets';
import { RefusedTarget, resolveTarget, type Resolver } from './ssrf';

/** How long the secret before a rotation still signs (a second `v1` in the signature header). */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  /** `manual` or `failing` (turned off after 24 hours without a 2xx); null while on. */
  disabledReason: string | null;
  disabledAt: Date | null;
  secretPrefix: string;
  /** Since when every attempt failed (null: the last one succeeded, or none was made). */
  failingSince: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  disabledAt: webhookEndpoints.disabledAt,
  secretPrefix: webhookEndpoints.secretPrefix,
  failingSince: webhookEndpoints.failingSince,
  createdBy: webhookEndpoints.createdBy,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

/** The SSRF guard at save: the URL is refused (422 on `url`) if it is or resolves to an internal address. */
async function checkUrl(url: string, resolve?: Resolver): Promise<void> {
  try {
    await resolveTarget(url, resolve);
  } catch (err) {
    if (err instanceof RefusedTarget) throw new AppError('unprocessable', `This URL cannot receive webhooks: ${err.reason}`, [{ path: 'url', message: `Not allowed: ${err.reason}` }]);
    throw err;
  }
}

/** Adds an endpoint; answers it with its signing secret, which is never shown again. */
export async function createEndpoint(ctx: TenantContext, input: WebhookEndpointInput, resolve?: Resolver): Promise<WebhookEndpointView & { secret: string }> {
  await checkUrl(input.url, resolve);
  const secret = newSigningSecret();
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        tenantId: ctx.tenantId,
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        secretCiphertext: sealSecret(secret),
        secretPrefix: secretPrefix(secret),
        tenantSlug: ctx.tenant.slug,
        createdBy: ctx.userId,
      })
      .returning(endpointColumns);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'webhook.created', entityType: 'webhook_endpoint', entityId: row!.id, after: { url: input.url, eventTypes: input.eventTypes } });
    return { ...row!, secret };
  });
}

export async function listEndpoints({ tenantId }: TenantScope): Promise<WebhookEndpointView[]> {
  return withTenant(tenantId, (tx) => tx.select(endpointColumns).from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt)));
}

/** How many endpoints were turned off for failing 24 hours and not turned on again: the admin's nav says so on every page. */
export async function countEndpointsTurnedOff({ tenantId }: TenantScope): Promise<number> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.enabled, false), eq(webhookEndpoints.disabledReason, 'failing'))),
  );
  return row?.n ?? 0;
}

export async function getEndpoint({ tenantId }: TenantScope, id: string): Promise<WebhookEndpointView> {
  return withTenant(tenantId, (tx) => endpointIn(tx, id));
}

async function endpointIn(tx: Tx, id: string, lock = false): Promise<WebhookEndpointView> {
  const query = tx.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/** Changes the URL (checked again), events or description, or turns it on or off. On again: its failure clock restarts. */
export async function updateEndpoint(ctx: TenantContext, id: string, patch: WebhookEndpointPatch, resolve?: Resolver): Promise<WebhookEndpointView> {
  if (patch.url !== undefined) await checkUrl(patch.url, resolve);
  return withTenant(ctx.tenantId, async (tx) => {
    const before = await endpointIn(tx, id, true);
    const fields = definedFields(patch);
    const switching = patch.enabled !== undefined && patch.enabled !== before.enabled;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...fields,
        updatedAt: new Date(),
        ...(switching && patch.enabled && { disabledReason: null, disabledAt: null, failingSince: null }),
        ...(switching && !patch.enabled && { disabledReason: 'manual', disabledAt: new Date() }),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning(endpointColumns);
    if (switching && !patch.enabled) await abandonPending(tx, id);
    const changed = Object.fromEntries(Object.keys(fields).map((k) => [k, before[k as keyof WebhookEndpointView]]));
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'webhook.updated', entityType: 'webhook_endpoint', entityId: id, before: changed, after: fields });
    return row!;
  });
}

/** An endpoint turned off sends nothing more: what waited for it is given up (the log keeps it, to send again by hand). */
export async function abandonPending(tx: Tx, endpointId: string): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'failed' })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
}

export async function deleteEndpoint(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.tenantId, async (tx) => {
    const before = await endpointIn(tx, id, true);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'webhook.deleted', entityType: 'webhook_endpoint', entityId: id, before: { url: before.url, eventTypes: before.eventTypes } });
  });
}

/** A new signing secret (answered once); the old one keeps signing beside it for ROTATION_OVERLAP_MS, so receivers can switch without a gap. */
export async function rotateSecret(ctx: TenantContext, id: string): Promise<WebhookEndpointView & { secret: string }> {
  const secret = newSigningSecret();
  return withTenant(ctx.tenantId, async (tx) => {
    await endpointIn(tx, id, true);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        previousSecretCiphertext: sql`${webhookEndpoints.secretCiphertext}`,
        previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_MS),
        secretCiphertext: sealSecret(secret),
        secretPrefix: secretPrefix(secret),
        updatedAt: new Date(),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning(endpointColumns);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'webhook.secret_rotated', entityType: 'webhook_endpoint', entityId: id, details: { prefix: row!.secretPrefix } });
    return { ...row!, secret };
  });
}
