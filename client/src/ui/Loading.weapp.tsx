import { View } from '@tarojs/components';
import type { LoadingProps } from './ui.types';

export function Loading({ text = '正在加载…' }: LoadingProps) {
  return (
    <View className='ui-loading' ariaRole='status'>
      <van-loading size='32px' vertical>
        {text}
      </van-loading>
    </View>
  );
}
