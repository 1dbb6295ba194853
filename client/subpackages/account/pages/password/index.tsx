import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { passwordHint, passwordProblem } from '../../../../../shared/domain/staff-auth/password-rules';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { saveSession } from '../../../../src/api/session-store';
import { userApi } from '../../../../src/api/user.api';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { goTo, restartAt, routes, usePageParams } from '../../../../src/navigation/routes';
import { useSession } from '../../../../src/session/session-context';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Empty } from '../../../../src/ui/Empty';
import { showToast } from '../../../../src/ui/feedback';
import { Field } from '../../../../src/ui/Field';
import { Loading } from '../../../../src/ui/Loading';
import { Notice } from '../../../../src/ui/Notice';
import './index.scss';

/**
 * A staff member changes their own password: from the profile (修改密码), or straight after a login
 * with a password an admin set (`forced=1`), which is then to be replaced before anything else.
 */
export default function ChangePasswordPage() {
  const session = useSession();
  return (
    <Page>
      {session.status === 'loading' ? <Loading /> : null}
      {session.status === 'error' && session.error ? <ErrorNotice error={session.error} onRetry={() => void session.refresh()} /> : null}
      {session.status === 'signedOut' ? (
        <Empty description='请先登录，再修改密码'>
          <Button variant='primary' size='large' onClick={() => goTo(routes.login)}>
            去登录
          </Button>
        </Empty>
      ) : null}
      {session.status === 'signedIn' && session.user ? <ChangePasswordForm loginHint={session.user.openid} /> : null}
    </Page>
  );
}

function ChangePasswordForm({ loginHint }: { loginHint: string }) {
  const forced = usePageParams().forced === '1';
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeated, setRepeated] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const found: Record<string, string> = {};
    if (!currentPassword) found.currentPassword = '请填写原密码';
    // The same rule as the server's (the login name is checked there: the page does not know it).
    const problem = passwordProblem(newPassword, loginHint.startsWith('pw:') ? loginHint.slice(3) : undefined);
    if (problem) found.newPassword = problem;
    else if (repeated !== newPassword) found.repeated = '两次输入的新密码不一样';
    setFields(found);
    if (Object.keys(found).length > 0) return;
    setError(null);
    setSaving(true);
    try {
      // The change ends every earlier session of the account; this phone goes on with the fresh token.
      const { token, expiresAt } = await userApi.changePassword(currentPassword, newPassword);
      saveSession({ token, expiresAt });
      showToast('密码已修改');
      restartAt(routes.home);
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === 'VALIDATION_FAILED' && apiError.details?.fields?.length) setFields(apiError.fieldErrors());
      else setError(apiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='change-password'>
      <Text className='page-title'>修改密码</Text>
      {forced ? (
        <Notice tone='info'>
          <Text className='ui-notice__message'>这是管理员给您设的临时密码。请先改成只有您自己知道的密码，再开始工作。</Text>
        </Notice>
      ) : null}
      <CellGroup>
        <Field label='原密码' type='password' value={currentPassword} placeholder='现在用的密码' error={fields.currentPassword} onChange={setCurrent} />
        <Field label='新密码' type='new-password' value={newPassword} placeholder='新的密码' hint={passwordHint} error={fields.newPassword} onChange={setNew} />
        <Field label='再输入一次新密码' type='new-password' value={repeated} placeholder='和上面一样' error={fields.repeated} onChange={setRepeated} />
      </CellGroup>
      {error ? <ErrorNotice error={error} onRetry={() => void save()} /> : null}
      <View className='section stack'>
        <Button variant='primary' size='large' loading={saving} disabled={saving} onClick={() => void save()}>
          保存新密码
        </Button>
        {forced ? null : (
          <Button block onClick={() => restartAt(routes.profile)}>
            不改了
          </Button>
        )}
      </View>
    </View>
  );
}
