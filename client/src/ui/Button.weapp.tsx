import type { ButtonProps } from './ui.types';

export function Button({ children, variant = 'default', size = 'normal', block, disabled, loading, accessibleLabel, onClick }: ButtonProps) {
  return (
    <van-button
      type={variant}
      size={size}
      block={block || size === 'large'}
      disabled={disabled}
      loading={loading}
      aria-label={accessibleLabel}
      onClick={() => onClick?.()}
    >
      {children}
    </van-button>
  );
}
