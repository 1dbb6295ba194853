import type { PhoneCallProps } from './ui.types';

export function dialable(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}

/** Tap to call: a tel: link the phone's dialler opens, shaped like a button. */
export function PhoneCall({ phone, who }: PhoneCallProps) {
  const number = dialable(phone);
  return (
    <a className='ui-button ui-button--default ui-button--normal ui-phone' href={`tel:${number}`} aria-label={who ? `拨打 ${number} ${who}` : undefined}>
      <span className='ui-phone__icon' aria-hidden='true'>
        ☎
      </span>
      <span className='ui-phone__text'>{`拨打 ${number}`}</span>
    </a>
  );
}
