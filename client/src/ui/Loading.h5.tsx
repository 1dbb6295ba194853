import type { LoadingProps } from './ui.types';

export function Loading({ text = '正在加载…' }: LoadingProps) {
  return (
    <div className='ui-loading' role='status'>
      <span className='ui-spinner ui-spinner--large' aria-hidden='true' />
      <span className='ui-loading__text'>{text}</span>
    </div>
  );
}
