import type { TagProps } from './ui.types';

export function Tag({ tone = 'default', prominent, children }: TagProps) {
  return (
    <van-tag type={tone} size={prominent ? 'large' : 'medium'}>
      {children}
    </van-tag>
  );
}
