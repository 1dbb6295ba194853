import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { hasAnyRole, type Role } from '../../../shared/domain/roles';
import type { PublicUser } from '../../../shared/schemas/user.schema';
import { goTo, restartAt, routes } from '../navigation/routes';
import { useSession } from '../session/session-context';
import { Button } from '../ui/Button';
import { Empty } from '../ui/Empty';
import { Loading } from '../ui/Loading';
import { ErrorNotice } from './ErrorNotice';

type Props = {
  /** Only people with one of these roles may use the page (the server checks again on every call). */
  roles?: readonly Role[];
  forbiddenText?: string;
  children: (user: PublicUser) => ReactNode;
};

/** Shows the page only to a signed-in person (with the right role); otherwise says what to do. */
export function SignedIn({ roles, forbiddenText, children }: Props) {
  const session = useSession();
  if (session.status === 'loading') return <Loading text='正在确认登录…' />;
  if (session.status === 'error' && session.error && !session.user) {
    return <ErrorNotice error={session.error} onRetry={() => void session.refresh()} />;
  }
  if (!session.user) {
    return (
      <Empty description='请先登录'>
        <Button variant='primary' size='large' onClick={() => goTo(routes.login)}>
          去登录
        </Button>
      </Empty>
    );
  }
  if (roles && !hasAnyRole(session.user.roles, roles)) {
    return (
      <>
        <Text className='page-title'>无权限</Text>
        <Empty description={forbiddenText ?? '您的账号不能使用这个页面。'}>
          <Button variant='primary' size='large' onClick={() => restartAt(routes.home)}>
            回到首页
          </Button>
        </Empty>
      </>
    );
  }
  return <>{children(session.user)}</>;
}
