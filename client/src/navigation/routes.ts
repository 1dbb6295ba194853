import Taro from '@tarojs/taro';

/** Every page's route; app.config.ts lists the same pages. */
export const routes = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  profile: '/pages/profile/index',
  providerInbox: '/subpackages/provider/pages/inbox/index',
} as const;

export type Route = (typeof routes)[keyof typeof routes];

export function goTo(route: Route): void {
  void Taro.navigateTo({ url: route });
}

/** Starts over at a page, e.g. home after login or logout, so "back" does not return to the form. */
export function restartAt(route: Route): void {
  void Taro.reLaunch({ url: route });
}
