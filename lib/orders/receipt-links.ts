import { createHash, createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { receiptLinks } from '@/db/schema/orders';
import { config } from '@/lib/platform/config';
import type { Tx } from '@/lib/platform/db';

/**
 * The public link of a receipt, `/r/<token>` on the tenant's own host (docs/receipts.md).
 *
 * The token is HMAC-SHA256 of `tenant:order` under a key derived from the app secret: 256 bits
 * nobody can guess without that secret, and the same every time the receipt is printed, so a
 * reprint shows the link the customer already has. The database keeps only its SHA-256
 * (`receipt_links`), which is what a request's token is looked up by, under the host tenant's RLS:
 * a copy of the table opens no receipt, and a token of another business finds no row.
 */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const linkKey = () => createHmac('sha256', config().authSecret).update('tillwise receipt links v1').digest();

export const receiptToken = (tenantId: string, orderId: string): string =>
  createHmac('sha256', linkKey()).update(`${tenantId}:${orderId}`).digest('base64url');

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether `token` has the shape of one (43 base64url characters): anything else is a 404 without a query. */
export const isReceiptToken = (token: string): boolean => TOKEN.test(token);

/**
 * The order's link token, recorded in the caller's tenant transaction the first time (one select
 * afterwards). After the app secret changed the same order gets a new token, and the old one stops
 * opening it: printed links die with the secret they were made under.
 */
export async function receiptLinkIn(tx: Tx, tenantId: string, orderId: string): Promise<string> {
  const token = receiptToken(tenantId, orderId);
  const hash = tokenHash(token);
  const [stored] = await tx.select({ tokenHash: receiptLinks.tokenHash }).from(receiptLinks).where(eq(receiptLinks.orderId, orderId));
  if (!stored) await tx.insert(receiptLinks).values({ tenantId, orderId, tokenHash: hash }).onConflictDoNothing();
  else if (stored.tokenHash !== hash) await tx.update(receiptLinks).set({ tokenHash: hash, createdAt: new Date() }).where(and(eq(receiptLinks.tenantId, tenantId), eq(receiptLinks.orderId, orderId)));
  return token;
}

/** The order a token opens, in the caller's tenant transaction (RLS: only the host tenant's links); null when none. */
export async function orderOfToken(tx: Tx, token: string): Promise<string | null> {
  if (!isReceiptToken(token)) return null;
  const [row] = await tx.select({ orderId: receiptLinks.orderId }).from(receiptLinks).where(eq(receiptLinks.tokenHash, tokenHash(token)));
  return row?.orderId ?? null;
}

/** Whether a receipt sold at `soldAt` is past the tenant's link period. */
export const linkExpired = (soldAt: Date, days: number, now = new Date()): boolean => now.getTime() > soldAt.getTime() + days * 86_400_000;

export type ReceiptLink = { url: string; qrSvg: string };

/** The link as printed: the address on the tenant's host and its QR code (SVG, drawn here, inline in the receipt). */
export async function receiptLinkView(origin: string, token: string): Promise<ReceiptLink> {
  const url = `${origin}/r/${token}`;
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  return { url, qrSvg };
}
