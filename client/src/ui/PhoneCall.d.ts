// Resolved per platform: PhoneCall.weapp.tsx (wx.makePhoneCall behind a vant button) and
// PhoneCall.h5.tsx (a tel: link styled as a button).
import type { PhoneCallProps } from './ui.types';

export declare function PhoneCall(props: PhoneCallProps): JSX.Element;

/** The digits (and a leading +) one dials; what a tel: link or makePhoneCall takes. */
export declare function dialable(phone: string): string;
