import Taro, { useRouter } from '@tarojs/taro';

/** Every page's route; app.config.ts lists the same pages. */
export const routes = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  profile: '/pages/profile/index',
  // Where an unknown address lands (app.tsx), so it is never a blank page.
  notFound: '/pages/not-found/index',
  // The resident's booking flow and bookings: the `booking` subpackage.
  bookingChoose: '/subpackages/booking/pages/choose/index',
  bookingSlots: '/subpackages/booking/pages/slots/index',
  bookingForm: '/subpackages/booking/pages/form/index',
  bookingConfirm: '/subpackages/booking/pages/confirm/index',
  bookingResult: '/subpackages/booking/pages/result/index',
  myBookings: '/subpackages/booking/pages/mine/index',
  bookingDetail: '/subpackages/booking/pages/detail/index',
  notices: '/subpackages/booking/pages/notices/index',
  // The people who deliver services: the `provider` subpackage.
  providerInbox: '/subpackages/provider/pages/inbox/index',
  providerSchedule: '/subpackages/provider/pages/schedule/index',
  providerCase: '/subpackages/provider/pages/case/index',
  providerAvailability: '/subpackages/provider/pages/availability/index',
  providerPool: '/subpackages/provider/pages/pool/index',
  // volunteer — client: 银龄行动, the `volunteer` subpackage (notices link to status and activity).
  volunteerStatus: '/subpackages/volunteer/pages/status/index',
  volunteerApply: '/subpackages/volunteer/pages/apply/index',
  volunteerActivities: '/subpackages/volunteer/pages/activities/index',
  volunteerActivity: '/subpackages/volunteer/pages/activity/index',
  volunteerMine: '/subpackages/volunteer/pages/mine/index',
  // volunteer — client: check-in/out, my hours (→ the certificate), the teacher's roll, elders' classes.
  volunteerCheckin: '/subpackages/volunteer/pages/checkin/index',
  volunteerHours: '/subpackages/volunteer/pages/hours/index',
  volunteerCertificate: '/subpackages/volunteer/pages/certificate/index',
  volunteerRoll: '/subpackages/volunteer/pages/roll/index',
  volunteerClasses: '/subpackages/volunteer/pages/classes/index',
  // volunteer — staff: the staff pages of the `volunteer` subpackage.
  manageHub: '/subpackages/volunteer/pages/manage/index',
  manageApplications: '/subpackages/volunteer/pages/manage-applications/index',
  manageApplication: '/subpackages/volunteer/pages/manage-application/index',
  manageActivities: '/subpackages/volunteer/pages/manage-activities/index',
  manageActivityForm: '/subpackages/volunteer/pages/manage-activity-form/index',
  manageActivity: '/subpackages/volunteer/pages/manage-activity/index',
  manageCorrections: '/subpackages/volunteer/pages/manage-corrections/index',
  manageTraining: '/subpackages/volunteer/pages/manage-training/index',
  // staff sign-in: changing one's password, the `account` subpackage.
  changePassword: '/subpackages/account/pages/password/index',
  // staff desk: the `staff` subpackage, the workbench of 街道 staff and admin.
  staffWorkbench: '/subpackages/staff/pages/workbench/index',
  staffBookings: '/subpackages/staff/pages/bookings/index',
  staffBooking: '/subpackages/staff/pages/booking/index',
  staffDispatch: '/subpackages/staff/pages/dispatch/index',
  staffAudit: '/subpackages/staff/pages/audit/index',
  staffNotices: '/subpackages/staff/pages/notices/index',
  staffPeople: '/subpackages/staff/pages/people/index',
  staffSettings: '/subpackages/staff/pages/settings/index',
  dashboard: '/subpackages/dashboard/pages/overview/index',
  // stations and providers: the staff subpackage's pages for the district's map and staff accounts.
  staffStations: '/subpackages/staff/pages/stations/index',
  staffStation: '/subpackages/staff/pages/station/index',
  staffProviders: '/subpackages/staff/pages/providers/index',
  staffProvider: '/subpackages/staff/pages/provider/index',
  staffAccounts: '/subpackages/staff/pages/accounts/index',
} as const;

export type Route = (typeof routes)[keyof typeof routes];

export type RouteParams = Record<string, string | undefined>;

export function urlOf(route: Route, params: RouteParams = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${route}?${query}` : route;
}

export function goTo(route: Route, params?: RouteParams): void {
  void Taro.navigateTo({ url: urlOf(route, params) });
}

/** Replaces the current page, e.g. the confirmation by the result, so "back" skips it. */
export function replaceWith(route: Route, params?: RouteParams): void {
  void Taro.redirectTo({ url: urlOf(route, params) });
}

/** Starts over at a page, e.g. home after login or logout, so "back" does not return to the form. */
export function restartAt(route: Route, params?: RouteParams): void {
  void Taro.reLaunch({ url: urlOf(route, params) });
}

/**
 * Back to an earlier page of the stack (e.g. the time list from the confirmation), or to a fresh copy
 * of it when it is not in the stack (the confirmation was opened by a reload).
 */
export function backTo(route: Route, params?: RouteParams): void {
  const pages = Taro.getCurrentPages();
  const bare = (path: string | undefined) => `/${(path ?? '').replace(/^\//, '').split('?')[0]}`;
  for (let index = pages.length - 2; index >= 0; index--) {
    if (bare((pages[index] as { route?: string }).route) === route) {
      void Taro.navigateBack({ delta: pages.length - 1 - index });
      return;
    }
  }
  replaceWith(route, params);
}

/**
 * Ends a flow on a page whose "back" leads home, not into the finished flow (the booking result
 * after confirming): back to home in the stack, then on to the page. Without home at the bottom of
 * the stack (the flow was opened directly) the page starts a fresh stack.
 */
export async function finishFlowAt(route: Route, params?: RouteParams): Promise<void> {
  const pages = Taro.getCurrentPages();
  const first = (pages[0] as { route?: string } | undefined)?.route ?? '';
  if (pages.length > 1 && `/${first.replace(/^\//, '').split('?')[0]}` === routes.home) {
    await Taro.navigateBack({ delta: pages.length - 1 });
    await untilShown(routes.home);
    await Taro.navigateTo({ url: urlOf(route, params) });
    return;
  }
  await Taro.reLaunch({ url: urlOf(route, params) });
}

/**
 * Waits until a page is the one shown. In the browser Taro's navigateBack resolves on the URL change,
 * before the page it returns to is shown (that waits for the pages above to unmount): a navigateTo
 * made at once lets the late show make the returned-to page current again under the new one, and
 * the next "back" then does nothing. In the mini-program it is shown already.
 */
async function untilShown(route: Route, timeoutMs = 2_000): Promise<void> {
  const bare = (path: string | undefined) => `/${(path ?? '').replace(/^\//, '').split('?')[0]}`;
  const deadline = Date.now() + timeoutMs;
  while (bare(Taro.getCurrentInstance().router?.path) !== route && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/** Back one page, or home when this page was opened directly (a shared link, a reload). */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else restartAt(routes.home);
}

/** The page's query parameters, decoded. */
export function usePageParams(): Record<string, string> {
  const router = useRouter();
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(router.params ?? {})) {
    if (typeof value !== 'string') continue;
    try {
      out[key] = decodeURIComponent(value);
    } catch {
      out[key] = value;
    }
  }
  return out;
}
