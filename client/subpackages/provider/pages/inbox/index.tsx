import { Text } from '@tarojs/components';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { isProvider } from '../../../../src/features/provider/provider-roles';
import { goTo, restartAt, routes } from '../../../../src/navigation/routes';
import { useSession } from '../../../../src/session/session-context';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { Loading } from '../../../../src/ui/Loading';

/**
 * The provider's inbox (养老顾问 / 陪诊员 / 婚姻辅导师). A placeholder until booking actions exist;
 * the server checks roles on every call, this gate only spares others a useless page.
 */
export default function ProviderInboxPage() {
  const session = useSession();

  if (session.status === 'loading') return <Page><Loading /></Page>;
  if (session.status === 'error' && session.error) {
    return <Page><ErrorNotice error={session.error} onRetry={() => void session.refresh()} /></Page>;
  }
  if (session.status !== 'signedIn' || !session.user) {
    return (
      <Page>
        <Empty description='请先登录'>
          <Button variant='primary' size='large' onClick={() => goTo(routes.login)}>
            去登录
          </Button>
        </Empty>
      </Page>
    );
  }
  if (!isProvider(session.user.roles)) {
    return (
      <Page>
        <Text className='page-title'>无权限</Text>
        <Empty description='这里是服务人员的工作台。您的账号不是养老顾问、陪诊员或婚姻辅导师。'>
          <Button variant='primary' size='large' onClick={() => restartAt(routes.home)}>
            回到首页
          </Button>
        </Empty>
      </Page>
    );
  }
  return (
    <Page>
      <Text className='page-title'>待处理的预约</Text>
      <Empty description='暂时没有需要处理的预约' />
    </Page>
  );
}
