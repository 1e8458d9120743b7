import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { config } from '@/lib/platform/config';

/**
 * Signing secrets. Shown once when made; kept encrypted (AES-256-GCM, key = HMAC-SHA256(app
 * secret, "tillwise webhook secrets v1")), because signing needs the secret itself, not a hash. A
 * copy of the table alone signs nothing; changing NEXTAUTH_SECRET makes stored secrets unreadable
 * (rotate every endpoint's secret after changing it).
 */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
export const secretPrefix = (secret: string): string => secret.slice(0, 12);

const key = () => createHmac('sha256', config().authSecret).update('tillwise webhook secrets v1').digest();

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unreadable webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
