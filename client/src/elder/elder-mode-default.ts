import Taro from '@tarojs/taro';

/** WeChat's font-size setting (in px) from which we assume the person wants large text. */
export const largeFontSetting = 20;

/** Whether the phone's WeChat font is set large; only WeChat reports it. */
export function systemPrefersLargeText(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    // getAppBaseInfo replaces the deprecated getSystemInfoSync; Taro's types omit its fontSizeSetting.
    const info = (
      typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()
    ) as { fontSizeSetting?: number };
    return (info.fontSizeSetting ?? 0) >= largeFontSetting;
  } catch {
    return false;
  }
}
