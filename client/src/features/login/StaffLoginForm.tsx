import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { lockoutSentence } from '../../../../shared/domain/staff-auth/login-limits';
import { staffLoginActions } from '../../../../shared/schemas/staff-auth.schema';
import { toApiError, type ApiError } from '../../api/api-error';
import { checkInput } from '../../api/validate-input';
import { restartAt, routes } from '../../navigation/routes';
import { useSession } from '../../session/session-context';
import { Button } from '../../ui/Button';
import { CellGroup } from '../../ui/Cell';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';

/**
 * 工作人员登录: login name and password. A wrong name or password, a locked account and a busy
 * address each come back with the server's own sentence (the lock says when to try again), shown
 * above the button. A password an admin set must be changed before anything else.
 */
export function StaffLoginForm() {
  const session = useSession();
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const checked = checkInput(staffLoginActions.staffLogin, { loginName, password });
    if (!checked.ok) {
      setFields(loginName.trim() === '' ? { ...checked.fields, loginName: '请填写账号' } : checked.fields);
      return;
    }
    setFields({});
    setError(null);
    setPending(true);
    try {
      const { mustChangePassword } = await session.staffLogin(checked.data.loginName, checked.data.password);
      if (mustChangePassword) restartAt(routes.changePassword, { forced: '1' });
      else restartAt(routes.home);
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === 'VALIDATION_FAILED' && apiError.details?.fields?.length) setFields(apiError.fieldErrors());
      else setError(apiError);
      // A wrong password is typed again from scratch; the name stays.
      setPassword('');
    } finally {
      setPending(false);
    }
  };

  return (
    <View className='staff-login'>
      <Text className='page-title'>工作人员登录</Text>
      <Text className='page-subtitle'>街道和区民政局的工作人员，用管理员给的账号和密码登录</Text>
      <CellGroup>
        <Field label='账号' value={loginName} placeholder='请输入账号' maxLength={32} error={fields.loginName} onChange={setLoginName} />
        <Field label='密码' type='password' value={password} placeholder='请输入密码' error={fields.password} onChange={setPassword} />
      </CellGroup>
      {error ? (
        <Notice tone='error'>
          <Text className='ui-notice__message'>{messageOf(error)}</Text>
        </Notice>
      ) : null}
      <View className='section'>
        <Button variant='primary' size='large' loading={pending} disabled={pending} onClick={() => void submit()}>
          登录
        </Button>
      </View>
    </View>
  );
}

/** A lockout or a busy address says when to try again; anything else in the code's own words. */
function messageOf(error: ApiError): string {
  const retryAt = typeof error.details?.retryAt === 'string' ? new Date(error.details.retryAt) : null;
  if ((error.code === 'ACCOUNT_LOCKED' || error.code === 'RATE_LIMITED') && retryAt && !Number.isNaN(retryAt.getTime())) {
    return lockoutSentence(error.code, retryAt);
  }
  return error.message;
}
