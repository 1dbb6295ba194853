import { passwordProblem } from '../../../../shared/domain/staff-auth/password-rules';
import { oneTimePassword } from './one-time-password';

describe('a one-time password', () => {
  it('follows the password rules, reads out plainly and differs each time', async () => {
    const made = await Promise.all(Array.from({ length: 50 }, () => oneTimePassword('chen')));
    for (const password of made) {
      expect(password).toMatch(/^[a-hjkmnp-z]{4}[2-9]{4}[a-hjkmnp-z]{2}$/);
      expect(passwordProblem(password, 'chen')).toBeNull();
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
