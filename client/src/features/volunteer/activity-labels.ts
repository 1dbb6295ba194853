import type { ActivityRole, SignupState } from '../../api/volunteer-views.schema';

/** 剩 2 个 / 已满: what a role has left, in the words the list and the detail share. */
export function placesLeftText(role: ActivityRole): string {
  const left = Math.max(0, role.count - role.taken);
  return left > 0 ? `剩 ${left} 个` : '已满，可排队';
}

/** What the volunteer's own sign-up is, in plain words. */
export function signupStateLabel(signup: Pick<SignupState, 'state' | 'position'>): string {
  switch (signup.state) {
    case 'placed':
      return '已报上';
    case 'waiting':
      return signup.position ? `排队中，第 ${signup.position} 位` : '排队中';
    case 'offered':
      return '有空位留给您，请确认';
    case 'holding':
      return '正在处理';
    case 'withdrawn':
      return '已退出';
    case 'declined':
      return '已放弃';
    case 'lapsed':
      return '没有按时确认，空位已让给下一位';
    case 'cancelled':
      return '活动已取消';
    default:
      return '没有报上';
  }
}

/** Still taking part or in line: the states the volunteer can act on. */
export function isActiveSignup(state: string): boolean {
  return ['placed', 'waiting', 'offered', 'holding'].includes(state);
}
