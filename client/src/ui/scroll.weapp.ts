import Taro from '@tarojs/taro';

export function scrollToFirstError(): void {
  // WXML order is the form's order, so the first match is the first field at fault.
  void Taro.pageScrollTo({ selector: '.has-error', offsetTop: -96, duration: 200 }).catch(() => undefined);
}
