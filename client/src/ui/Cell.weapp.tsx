import { View } from '@tarojs/components';
import type { CellGroupProps, CellProps } from './ui.types';

export function Cell({ title, value, label, onClick }: CellProps) {
  return (
    <van-cell
      title={title}
      value={value}
      label={label}
      is-link={onClick !== undefined}
      clickable={onClick !== undefined}
      onClick={() => onClick?.()}
    />
  );
}

export function CellGroup({ title, children }: CellGroupProps) {
  return (
    <View className='ui-cell-group'>
      {title ? <View className='ui-cell-group__title'>{title}</View> : null}
      <View className='ui-cell-group__body'>{children}</View>
    </View>
  );
}
