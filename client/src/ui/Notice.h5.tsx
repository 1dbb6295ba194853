import type { NoticeProps } from './ui.types';

/** A boxed message in the page's flow: errors, or something the person should know. */
export function Notice({ tone, children }: NoticeProps) {
  return (
    <div className={`ui-notice ui-notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
