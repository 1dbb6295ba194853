import type { EmptyProps } from './ui.types';

export function Empty({ description, children }: EmptyProps) {
  return (
    <div className='ui-empty'>
      <p className='ui-empty__description'>{description}</p>
      {children ? <div className='ui-empty__actions'>{children}</div> : null}
    </div>
  );
}
