import { createHash, randomBytes } from 'node:crypto';

/**
 * Session ids, one-time links and API tokens: 32 random bytes, shown once, stored only as a SHA-256 hash.
 * A fast hash is right here (unlike passwords): the secrets are long and random, so cannot be guessed.
 */
export function newSecretToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
