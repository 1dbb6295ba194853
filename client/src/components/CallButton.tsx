import Taro from '@tarojs/taro';
import { Button } from '../ui/Button';

/**
 * One tap to phone someone (the escort who took the job). WeChat opens its call sheet; the browser
 * follows tel:, which phones offer to dial. The number is on the button, so it can also be read off.
 */
export function CallButton({ who, phone }: { who: string; phone: string }) {
  return (
    <Button variant='primary' block accessibleLabel={`打电话给${who} ${phone}`} onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {`打电话给${who} ${phone}`}
    </Button>
  );
}
