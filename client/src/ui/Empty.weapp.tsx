import { Slot, Text, View } from '@tarojs/components';
import type { EmptyProps } from './ui.types';

// No image: vant's default pictures load from the internet.
export function Empty({ description, children }: EmptyProps) {
  return (
    <van-empty image=''>
      <Slot name='description' className='ui-empty__description'>
        <Text>{description}</Text>
      </Slot>
      {children ? <View className='ui-empty__actions'>{children}</View> : null}
    </van-empty>
  );
}
