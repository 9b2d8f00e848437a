import { describe, it, expect } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('scrypt passwords', () => {
  it('verifies the right password and rejects a wrong one; salts differ', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  describe('edge cases', () => {
    it('treats full-width input like its half-width form (NFKC) and rejects malformed hashes', async () => {
      const h = await hashPassword('pass-word-123');
      expect(await verifyPassword('ｐａｓｓ－ｗｏｒｄ－１２３', h)).toBe(true);
      expect(await verifyPassword('x', 'plain-text')).toBe(false);
    });
    it('names the problem with a short or overlong password', () => {
      expect(passwordProblem('short')).toBe('password.tooShort');
      expect(passwordProblem('x'.repeat(201))).toBe('password.tooLong');
      expect(passwordProblem('long-enough-pw')).toBeNull();
    });
  });
});
