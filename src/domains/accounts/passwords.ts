import { randomBytes } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * Password rules as NIST SP 800-63B (revision 4) and the NCSC advise: a minimum length (15, as for a
 * password that may be used alone), a generous maximum, no composition rules, no expiry, and a check
 * against commonly used passwords and words from the service itself.
 */
export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON_PASSWORDS = new Set(dictionary['passwords-common'] as string[]);
const SERVICE_WORDS = ['peelian', 'police', 'policing', 'commissioner', 'thamesvalley', 'password'];

/** OWASP's recommended argon2id settings: 19 MiB of memory, 2 passes, 1 lane. */
const ARGON2 = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const folded = password.toLowerCase().replace(/\s+/g, '');
  if (COMMON_PASSWORDS.has(folded) || isRepetitionOfCommon(folded)) {
    return 'Password is too common. Try three random words';
  }
  const emailName = context.email?.split('@')[0]?.toLowerCase();
  const words = emailName && emailName.length >= 4 ? [...SERVICE_WORDS, emailName] : SERVICE_WORDS;
  if (words.some((word) => folded.replaceAll(word, '').length < 6)) {
    return 'Password must not be mostly your name or the name of this service';
  }
  return null;
}

/** "passwordpassword", "qwertyqwertyqwerty": a common password repeated is still a common password. */
function isRepetitionOfCommon(folded: string): boolean {
  for (let size = 1; size <= folded.length / 2; size++) {
    if (folded.length % size !== 0) continue;
    const unit = folded.slice(0, size);
    if (unit.repeat(folded.length / size) === folded && (size < 4 || COMMON_PASSWORDS.has(unit))) return true;
  }
  return false;
}

export function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), outputType: 'encoded', ...ARGON2 });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

/** Verifying against this when the email is unknown makes both failures take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(24).toString('base64'));
  return decoyHash;
}
