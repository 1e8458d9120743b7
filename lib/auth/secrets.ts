import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes): ~20 ms here, costly for an
 * attacker with a stolen table. Used for passwords and register PINs alike.
 */
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolatedModules cannot import)
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, options);
}

export async function verifySecret(hashed: string, secret: string): Promise<boolean> {
  try {
    return await verify(hashed, secret);
  } catch {
    return false; // malformed hash: never a match
  }
}

/**
 * A real hash of a random secret, verified against when the account does not exist, so a
 * wrong email costs the same time as a wrong password (no account enumeration by timing).
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashSecret(crypto.randomUUID());
  return decoy;
}
