import { View } from '@tarojs/components';
import type { NoticeProps } from './ui.types';

/** A boxed message in the page's flow: errors, or something the person should know. */
export function Notice({ tone, children }: NoticeProps) {
  return (
    <View className={`ui-notice ui-notice--${tone}`} ariaRole={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </View>
  );
}
