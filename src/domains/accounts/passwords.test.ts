import { describe, expect, it } from 'vitest';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './passwords.ts';

describe('passwordProblem', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('all lower case words here')).toBeNull();
  });

  it('refuses a password under the minimum length, counting characters not bytes', () => {
    expect(passwordProblem('a'.repeat(MIN_PASSWORD_LENGTH - 1))).toMatch(/15 characters or more/);
    expect(passwordProblem('ééééééééééééééé')).not.toMatch(/characters or more/);
  });

  it('refuses a password over the maximum length', () => {
    expect(passwordProblem('word '.repeat(60))).toMatch(/256 characters or fewer/);
  });

  it('refuses common passwords, whatever their case or spacing, and repetitions of them', () => {
    expect(passwordProblem('passwordpassword')).toMatch(/too common/);
    expect(passwordProblem('1QAZ 2WSX 3EDC 4RFV')).toMatch(/too common/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/too common/);
    expect(passwordProblem('qwertyqwertyqwerty')).toMatch(/too common/);
  });

  it('refuses a password that is mostly the service name or the person’s own name', () => {
    expect(passwordProblem('peelianpeelian1')).toMatch(/name of this service/);
    expect(passwordProblem('jane.smith.jane.smith', { email: 'jane.smith@example.org' })).toMatch(
      /your name/,
    );
  });
});

describe('hashPassword', () => {
  it('makes an argon2id hash that verifies only the same password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('correct horse battery staple')).not.toBe(
      await hashPassword('correct horse battery staple'),
    );
  });
});
