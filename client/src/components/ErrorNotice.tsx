import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error';
import { isRetryable } from '../api/api-error';
import { goTo, routes } from '../navigation/routes';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';

type Props = {
  error: ApiError;
  /** Shown as a 重试 button when the error is one trying again can fix. */
  onRetry?: () => void;
  /** Where to go instead, when trying again cannot help (e.g. 查看我的预约, 回到首页). */
  wayOn?: ReactNode;
};

/** A failed request in words a resident understands, with the one thing they can do about it. */
export function ErrorNotice({ error, onRetry, wayOn }: Props) {
  const canRetry = onRetry !== undefined && isRetryable(error);
  const needsLogin = error.code === 'UNAUTHENTICATED';
  // A new or reset staff password must be changed first: the one way on is the change-password page.
  const needsNewPassword = error.code === 'PASSWORD_CHANGE_REQUIRED';
  const showWayOn = !canRetry && !needsLogin && !needsNewPassword && wayOn !== undefined;
  return (
    <Notice tone='error'>
      <Text className='ui-notice__message'>{error.message}</Text>
      {canRetry || needsLogin || needsNewPassword || showWayOn ? (
        <View className='ui-notice__actions stack'>
          {canRetry ? (
            <Button variant='primary' size='large' onClick={onRetry}>
              重试
            </Button>
          ) : null}
          {needsLogin ? (
            <Button variant='primary' size='large' onClick={() => goTo(routes.login)}>
              去登录
            </Button>
          ) : null}
          {needsNewPassword ? (
            <Button variant='primary' size='large' onClick={() => goTo(routes.changePassword, { forced: '1' })}>
              去修改密码
            </Button>
          ) : null}
          {showWayOn ? wayOn : null}
        </View>
      ) : null}
    </Notice>
  );
}
