import Taro from '@tarojs/taro';
import type { PhoneCallProps } from './ui.types';

export function dialable(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}

/** Tap to call: WeChat asks to dial the number. */
export function PhoneCall({ phone, who }: PhoneCallProps) {
  const number = dialable(phone);
  return (
    <van-button
      type='default'
      size='normal'
      icon='phone-o'
      custom-class='ui-phone'
      aria-label={who ? `拨打 ${number} ${who}` : undefined}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined)}
    >
      {`拨打 ${number}`}
    </van-button>
  );
}
