import { Text, View } from '@tarojs/components';
import type { ApiError } from '../api/api-error';
import { isRetryable } from '../api/api-error';
import { goTo, routes } from '../navigation/routes';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';

type Props = {
  error: ApiError;
  /** Shown as a 重试 button when the error is one trying again can fix. */
  onRetry?: () => void;
};

/** A failed request in words a resident understands, with the one thing they can do about it. */
export function ErrorNotice({ error, onRetry }: Props) {
  const canRetry = onRetry !== undefined && isRetryable(error);
  const needsLogin = error.code === 'UNAUTHENTICATED';
  return (
    <Notice tone='error'>
      <Text className='ui-notice__message'>{error.message}</Text>
      {canRetry || needsLogin ? (
        <View className='ui-notice__actions'>
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
        </View>
      ) : null}
    </Notice>
  );
}
