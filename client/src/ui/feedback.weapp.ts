import Taro from '@tarojs/taro';
import type { ConfirmOptions } from './ui.types';

// WeChat's own toast and modal follow the phone's font size and screen reader: better than a copy.

export function showToast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
}

export async function confirm({ title, content, confirmText = '确定', cancelText = '取消', danger }: ConfirmOptions): Promise<boolean> {
  const result = await Taro.showModal({
    title,
    content,
    confirmText,
    cancelText,
    confirmColor: danger ? '#c4281c' : '#0052d9',
    cancelColor: '#1f1f1f',
  });
  return result.confirm;
}
