/**
 * What a staff password must be. One rule for every place a password is set (an admin's initial or
 * reset password, the staff member's own change, the first admin from configuration), so the form's
 * hint and the server's refusal never disagree. Pure: the client checks as one types, the server on
 * every write.
 */
export const PASSWORD_MIN = 8;
/** Bounded so one request cannot make argon2 hash megabytes; far above any typed password. */
export const PASSWORD_MAX = 64;

export const passwordHint = `至少 ${PASSWORD_MIN} 位，要有字母，也要有数字或符号`;

/** Why this password may not be set, in plain Chinese, or null when it may. */
export function passwordProblem(password: string, loginName?: string): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少要 ${PASSWORD_MIN} 位`;
  if (password.length > PASSWORD_MAX) return `密码最多 ${PASSWORD_MAX} 位`;
  if (/\s/.test(password)) return '密码里不能有空格';
  if (/^\d+$/.test(password)) return '密码不能全是数字，请加上字母';
  if (/^(.)\1+$/.test(password)) return '密码不能是同一个字重复';
  const hasLetter = /[A-Za-z]/.test(password);
  const hasOther = /[^A-Za-z]/.test(password);
  if (!hasLetter || !hasOther) return '密码要有字母，也要有数字或符号';
  if (loginName && password.toLowerCase().includes(loginName.toLowerCase())) return '密码里不能包含账号';
  return null;
}

/** An argon2id PHC string, as ADMIN_PASSWORD_HASH must be (parameters and salt inside). */
export const argon2idPhcPattern = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * What a session that must change its password first may do (a new account, or one an admin reset):
 * change it, and read who it is so the app can send it there. Everything else answers
 * PASSWORD_CHANGE_REQUIRED until the change gives it a fresh session.
 */
export const actionsBeforePasswordChange: readonly string[] = ['user.changePassword', 'user.me', 'user.loginOptions', 'user.staffLogin'];
