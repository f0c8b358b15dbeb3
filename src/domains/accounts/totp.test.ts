import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp.ts';

// RFC 6238 appendix B: the ASCII secret "12345678901234567890" (base32 below), SHA-1, last 6 of 8 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpCode', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches the RFC 6238 test vector at %i seconds', (seconds, code) => {
    expect(totpCode(RFC_SECRET, totpStep(new Date(seconds * 1000)))).toBe(code);
  });
});

describe('matchTotp', () => {
  const at = new Date('2026-11-22T12:00:00Z');
  const step = totpStep(at);

  it('accepts the current code and one step of drift either way, returning its step', () => {
    const secret = newTotpSecret();
    expect(matchTotp(secret, totpCode(secret, step), at, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), at, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), at, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, step - 2), at, null)).toBeNull();
  });

  it('accepts spaces inside the code but nothing that is not six digits', () => {
    const secret = newTotpSecret();
    const code = totpCode(secret, step);
    expect(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at, null)).toBe(step);
    expect(matchTotp(secret, 'abcdef', at, null)).toBeNull();
    expect(matchTotp(secret, `${code}0`, at, null)).toBeNull();
  });

  it('refuses a code from a step already used', () => {
    const secret = newTotpSecret();
    expect(matchTotp(secret, totpCode(secret, step), at, step)).toBeNull();
  });
});

describe('otpauthUri', () => {
  it('names the issuer and account for authenticator apps', () => {
    expect(otpauthUri('ABC', 'jo@example.org', 'Peelian')).toBe(
      'otpauth://totp/Peelian%3Ajo%40example.org?secret=ABC&issuer=Peelian&algorithm=SHA1&digits=6&period=30',
    );
  });
});
