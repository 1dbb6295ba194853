import type { ButtonProps } from './ui.types';

export function Button({ children, variant = 'default', size = 'normal', block, disabled, loading, accessibleLabel, onClick }: ButtonProps) {
  const className = `ui-button ui-button--${variant} ui-button--${size}${block ? ' ui-button--block' : ''}${loading ? ' ui-button--loading' : ''}`;
  return (
    <button
      type='button'
      className={className}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      aria-label={accessibleLabel}
      onClick={() => onClick?.()}
    >
      {loading ? <span className='ui-spinner' aria-hidden='true' /> : null}
      <span className='ui-button__text'>{children}</span>
    </button>
  );
}
