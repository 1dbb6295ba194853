import type { TagProps } from './ui.types';

export function Tag({ tone = 'default', prominent, children }: TagProps) {
  return <span className={`ui-tag ui-tag--${tone}${prominent ? ' ui-tag--large' : ''}`}>{children}</span>;
}
