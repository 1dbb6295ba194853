import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { roleLabels } from '../../../shared/domain/roles';
import { toApiError, type ApiError } from '../../src/api/api-error';
import { ErrorNotice } from '../../src/components/ErrorNotice';
import { Page } from '../../src/components/Page';
import { runtimeConfig } from '../../src/config/runtime-config';
import { demoAccounts } from '../../src/features/login/demo-accounts';
import { StaffLoginForm } from '../../src/features/login/StaffLoginForm';
import { userApi } from '../../src/api/user.api';
import type { LoginOptions } from '../../../shared/schemas/staff-auth.schema';
import { restartAt, routes } from '../../src/navigation/routes';
import { useSession } from '../../src/session/session-context';
import { Button } from '../../src/ui/Button';
import { CellGroup } from '../../src/ui/Cell';
import { Field } from '../../src/ui/Field';
import { Notice } from '../../src/ui/Notice';
import './index.scss';

const openidPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * WeChat: one button, wx.login (staff keep their WeChat identity there, with the roles granted to
 * it). Browser: the staff login with a password; below it the development login with demo
 * accounts where the server has dev login on, else the word for residents to open the mini-program.
 */
export default function LoginPage() {
  return <Page>{runtimeConfig.platform === 'weapp' ? <WeChatLogin /> : <BrowserLogin />}</Page>;
}

/** Whether the server offers dev login: asked, never assumed, so a production build never shows it. */
function useLoginOptions(): LoginOptions | null {
  const [options, setOptions] = useState<LoginOptions | null>(null);
  useEffect(() => {
    let live = true;
    userApi.loginOptions().then(
      (answer) => live && setOptions(answer),
      () => live && setOptions({ devLogin: false, staffLogin: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return options;
}

function BrowserLogin() {
  const options = useLoginOptions();
  return (
    <View>
      <StaffLoginForm />
      {options && !options.devLogin ? (
        <View className='login-residents'>
          <Text className='login-residents__text'>居民请在微信中打开“{runtimeConfig.miniProgramName}”小程序</Text>
        </View>
      ) : null}
      {options?.devLogin ? <DevLogin /> : null}
    </View>
  );
}

function useLoginAttempt() {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const attempt = async (key: string, login: () => Promise<unknown>) => {
    setPending(key);
    setError(null);
    try {
      await login();
      restartAt(routes.home);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(null);
    }
  };
  return { pending, error, attempt };
}

function WeChatLogin() {
  const session = useSession();
  const { pending, error, attempt } = useLoginAttempt();
  const login = () => void attempt('wechat', session.wechatLogin);
  return (
    <View className='login'>
      <Text className='page-title'>登录</Text>
      <Text className='page-subtitle'>用微信身份登录，不需要密码</Text>
      <Button variant='primary' size='large' loading={pending === 'wechat'} onClick={login}>
        微信一键登录
      </Button>
      {error ? <ErrorNotice error={error} onRetry={login} /> : null}
    </View>
  );
}

function DevLogin() {
  const session = useSession();
  const { pending, error, attempt } = useLoginAttempt();
  const [openid, setOpenid] = useState('');
  const [openidError, setOpenidError] = useState<string | undefined>(undefined);
  const [lastTried, setLastTried] = useState<string | null>(null);

  const loginAs = (id: string) => {
    setLastTried(id);
    void attempt(id, () => session.devLogin(id));
  };

  const submitOpenid = () => {
    const trimmed = openid.trim();
    if (!openidPattern.test(trimmed)) {
      setOpenidError('只能填写字母、数字、- 和 _，最多 64 个');
      return;
    }
    setOpenidError(undefined);
    loginAs(trimmed);
  };

  return (
    <View className='login dev-login'>
      <Text className='page-title'>开发登录</Text>
      <Text className='page-subtitle'>选一个演示账号，或填写 openid 登录</Text>

      {session.user ? (
        <Notice tone='info'>
          <Text className='ui-notice__message'>
            现在登录的是：{session.user.name ?? session.user.openid}（{session.user.roles.map((role) => roleLabels[role]).join('、')}）。选一个账号可以切换。
          </Text>
        </Notice>
      ) : null}
      {error ? <ErrorNotice error={error} onRetry={lastTried ? () => loginAs(lastTried) : undefined} /> : null}

      <CellGroup title='演示账号'>
        <View className='login-accounts'>
          {demoAccounts.map((account) => (
            <Button
              key={account.openid}
              block
              loading={pending === account.openid}
              disabled={pending !== null && pending !== account.openid}
              accessibleLabel={`以${account.label}登录`}
              onClick={() => loginAs(account.openid)}
            >
              {account.label}
            </Button>
          ))}
        </View>
      </CellGroup>

      <CellGroup title='其他账号'>
        <Field label='openid' value={openid} placeholder='例如 demo-resident-1' maxLength={64} error={openidError} onChange={setOpenid} />
      </CellGroup>
      <View className='section'>
        <Button
          variant='primary'
          size='large'
          loading={pending !== null && pending === openid.trim()}
          disabled={pending !== null}
          onClick={submitOpenid}
        >
          用 openid 登录
        </Button>
      </View>
    </View>
  );
}
