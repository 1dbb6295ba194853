/**
 * The password login's limits and the keys its counters are stored under. Every limit rests on
 * unique-key inserts (engineering.md: conditional updates are not atomic on FerretDB): an attempt
 * takes a numbered ticket before the password is checked, so N parallel attempts get at most the
 * limit's number of checks, whatever the timing.
 */
export const loginLimits = {
  /** Wrong passwords in a row (since the last success, reset or lockout) before the account locks. */
  accountFailures: 5,
  /** How long a locked account stays locked, from its last counted failure. */
  lockMs: 15 * 60_000,
  /** Failed logins from one address, across all accounts, per fixed window. */
  addressFailures: 20,
  addressWindowMs: 15 * 60_000,
  /** Address tickets older than this are purged (the window is long past). */
  keepAttemptsMs: 24 * 60 * 60_000,
} as const;

/** Login names are compared without case: 'Chen' and 'chen' are one account. */
export function loginKeyOf(loginName: string): string {
  return loginName.trim().toLowerCase();
}

/**
 * A password account's user has no WeChat openid; it gets this one, which no WeChat openid (and no
 * dev login, whose openids are `[A-Za-z0-9_-]`) can ever equal.
 */
export function passwordOpenidOf(loginKey: string): string {
  return `pw:${loginKey}`;
}

/** The account's tickets of one series: `acct:<loginKey>:<series>#<n>`, n < accountFailures. */
export function accountTicketPrefix(loginKey: string, series: number): string {
  return `acct:${loginKey}:${series}#`;
}

/** The fixed window an instant falls in, as its start (ms since the epoch). */
export function addressWindowOf(at: Date): number {
  return Math.floor(at.getTime() / loginLimits.addressWindowMs) * loginLimits.addressWindowMs;
}

/** The address's tickets of one window: `addr:<address>:<windowStart>#<n>`, n < addressFailures. */
export function addressTicketPrefix(address: string, at: Date): string {
  return `addr:${address}:${addressWindowOf(at)}#`;
}

export function addressWindowEnd(at: Date): Date {
  return new Date(addressWindowOf(at) + loginLimits.addressWindowMs);
}

/** 'HH:mm' in the district's time (UTC+8, no daylight saving), for 请在 HH:mm 后再试. */
export function districtClockOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 60 * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/**
 * When a refused login may be tried again, rounded up to the next minute so that 请在 14:35 后再试
 * is never a minute early.
 */
export function retryAtOf(until: Date): Date {
  return new Date(Math.ceil(until.getTime() / 60_000) * 60_000);
}

/**
 * The sentence a refused login reads, with the time to try again: the server sends it, and the
 * client, which shows its own words for each code, builds the same one from `retryAt`.
 */
export function lockoutSentence(code: 'ACCOUNT_LOCKED' | 'RATE_LIMITED', retryAt: Date): string {
  const why = code === 'ACCOUNT_LOCKED' ? '密码错误次数太多，账号暂时锁定' : '这台设备登录失败次数太多';
  return `${why}，请在 ${districtClockOf(retryAt)} 后再试。`;
}
