import type { TappableProps } from './ui.types';

/** A large area (e.g. a service card) that is one button. */
export function Tappable({ accessibleLabel, onClick, className, children }: TappableProps) {
  return (
    <button type='button' className={`ui-tappable ${className ?? ''}`} aria-label={accessibleLabel} onClick={() => onClick()}>
      {children}
    </button>
  );
}
