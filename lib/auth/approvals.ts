import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@/lib/platform/errors';
import { redis, tenantKey } from '@/lib/platform/redis';
import { checkPin } from './credentials';
import { can, type Permission } from './permissions';
import { isSessionRevoked } from './revocation';
import type { ApprovablePermission, GrantApprovalInput } from './schemas';
import type { TenantContext } from './context';

/**
 * A manager's approval at the register (a discount over the limit, a void, a refund, a shift
 * decision). The manager types their PIN once; the server answers with a short-lived token
 * bound to the tenant, the approver, the cashier's session and the one permission, and the
 * register sends that token instead of the PIN (which never stays in the browser).
 *
 * The token is random and stored only as its SHA-256. A discount token may be reused for the
 * sale being rung up (the cart is re-quoted on every change) until it expires; void, refund
 * and shift tokens approve one action.
 */
const APPROVAL_SECONDS = 10 * 60;
const REUSABLE: ReadonlySet<Permission> = new Set<Permission>(['discount:override']);

type Grant = { approverId: string; approverName: string; sessionId: string; permission: ApprovablePermission; issuedAt: number };

export type Approval = {
  token: string;
  permission: ApprovablePermission;
  approver: { id: string; name: string };
  expiresAt: string;
};

const grantKey = (tenantId: string, token: string) => tenantKey(tenantId, 'approval', createHash('sha256').update(token).digest('hex'));

/**
 * Verifies the approver's PIN (rate-limited per session, network and approver; one argon2
 * verify whatever the input) and issues the token. A wrong PIN, an unknown person, someone
 * deactivated and someone whose role cannot approve this all get the same answer.
 */
export async function grantApproval(ctx: TenantContext, input: GrantApprovalInput, ip: string | null = null): Promise<Approval> {
  const { user, matches, attempt } = await checkPin(ctx.tenantId, input.userId, input.pin, { sessionId: ctx.sessionId, ip });
  if (!user || !matches || !user.active || !can(user.role, input.permission)) {
    throw new AppError('forbidden', 'Wrong PIN.', [{ path: 'pin', message: 'Wrong PIN.' }], { words: { key: 'wrongPin' }, fieldWords: { pin: { key: 'wrongPin' } } });
  }
  await attempt.succeeded();
  const token = randomBytes(32).toString('base64url');
  const grant: Grant = { approverId: user.id, approverName: user.name, sessionId: ctx.sessionId, permission: input.permission, issuedAt: Date.now() };
  await (await redis()).set(grantKey(ctx.tenantId, token), grant, { ex: APPROVAL_SECONDS });
  return {
    token,
    permission: input.permission,
    approver: { id: user.id, name: user.name },
    expiresAt: new Date(grant.issuedAt + APPROVAL_SECONDS * 1000).toISOString(),
  };
}

/**
 * Who may do something: the user when their role can, else the approver of a valid token for
 * this tenant, session and permission. Throws 403 with details on `approval` otherwise (the
 * register then asks for a manager). `why` says what needs approving; `field` is where the request
 * carries the token (`approval`, or `voidApproval` beside a discount's approval on one request).
 */
export async function authorise(
  ctx: TenantContext,
  permission: Permission,
  approval: { token: string } | null,
  why = 'A manager must approve this',
  field = 'approval',
): Promise<string> {
  if (can(ctx, permission)) return ctx.userId;
  if (!approval) throw new AppError('forbidden', why, [{ path: field, message: 'A manager enters their PIN' }], { fieldWords: { [field]: { key: 'managerPin' } } });
  const client = await redis();
  const key = grantKey(ctx.tenantId, approval.token);
  const grant = await client.get<Grant>(key);
  const valid =
    grant !== null &&
    grant.sessionId === ctx.sessionId &&
    grant.permission === permission &&
    // Void once the approver is deactivated, changes role or is signed out everywhere (or the cashier is).
    !(await isSessionRevoked(ctx.tenantId, grant.approverId, ctx.sessionId, grant.issuedAt)) &&
    // One action per token, except discounts: only the request that deletes it may use it.
    (REUSABLE.has(permission) || (await client.del(key)) === 1);
  if (!valid) {
    throw new AppError('forbidden', "The manager's approval has expired or was already used. Ask again.", [{ path: field, message: 'A manager enters their PIN again' }], {
      words: { key: 'approvalExpired' },
      fieldWords: { [field]: { key: 'managerPinAgain' } },
    });
  }
  return grant.approverId;
}
