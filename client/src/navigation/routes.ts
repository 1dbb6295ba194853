import Taro, { useRouter } from '@tarojs/taro';

/** Every page's route; app.config.ts lists the same pages. */
export const routes = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  profile: '/pages/profile/index',
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
