import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, toApiError } from '../../../../src/api/api-error';
import { catalogApi } from '../../../../src/api/catalog.api';
import { stationsApi } from '../../../../src/api/stations.api';
import type { StaffAccountView } from '../../../../src/api/stations-views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { SignedIn } from '../../../../src/components/SignedIn';
import { oneTimePassword } from '../../../../src/features/stations/one-time-password';
import { PersonFinder } from '../../../../src/features/staff/PersonFinder';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';
import { confirm } from '../../../../src/ui/feedback';
import { Notice } from '../../../../src/ui/Notice';
import { rolesFor } from '../../../../../shared/domain/permissions';
import { phoneDigits } from '../../../../../shared/schemas/common.schema';

/** A password made here, shown once: the admin tells the person, who must change it at the next login. */
type Issued = { account: StaffAccountView; password: string; what: string };

/** Admin make staff accounts for the browser and reset a forgotten password; each password is shown once. */
export default function AccountsPage() {
  return (
    <Page>
      <Text className='page-title'>工作人员账号</Text>
      <SignedIn roles={rolesFor('admin.createStaffAccount')} forbiddenText='只有区民政局管理员可以建立账号、重设密码。'>
        {() => <Accounts />}
      </SignedIn>
    </Page>
  );
}

function Accounts() {
  const [issued, setIssued] = useState<Issued | null>(null);
  return (
    <View>
      {issued ? <IssuedPassword issued={issued} onDone={() => setIssued(null)} /> : null}
      <NewAccount onIssued={setIssued} />
      <ResetPassword onIssued={setIssued} />
    </View>
  );
}

function IssuedPassword({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  return (
    <Notice tone='info'>
      <Text className='ui-notice__message'>{`${issued.what}。账号：${issued.account.loginName}`}</Text>
      <Text className='card__title'>{`初始密码：${issued.password}`}</Text>
      <Text className='ui-notice__message'>只显示这一次，请当面或打电话告诉本人，不要发在群里。</Text>
      {issued.account.mustChangePassword ? <Text className='ui-notice__message'>本人下次登录时须先修改密码。</Text> : null}
      <Button block onClick={onDone}>
        已告诉本人，关闭
      </Button>
    </Notice>
  );
}

const loginNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;

function NewAccount({ onIssued }: { onIssued: (issued: Issued) => void }) {
  const streets = useRequest(() => catalogApi.streets(), []);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [loginName, setLoginName] = useState('');
  const [role, setRole] = useState<'staff' | 'admin'>('staff');
  const [streetId, setStreetId] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problems = {
    name: name.trim() ? undefined : '请填写姓名',
    phone: /^1[3-9]\d{9}$/.test(phoneDigits(phone)) ? undefined : '请填写 11 位手机号',
    loginName: loginNamePattern.test(loginName.trim()) ? undefined : '账号是 3 到 32 位的字母、数字或 . _ -，以字母或数字开头',
    streetId: role === 'staff' && !streetId ? '街道工作人员要选所在街道' : undefined,
  };
  const fieldErrors = error?.fieldErrors() ?? {};
  const shown = (key: keyof typeof problems) => (tried ? problems[key] : undefined) ?? fieldErrors[key];
  const create = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      const password = await oneTimePassword(loginName.trim());
      const account = await stationsApi.createStaffAccount({
        name: name.trim(),
        phone,
        loginName: loginName.trim(),
        role,
        ...(role === 'staff' ? { streetId } : {}),
        initialPassword: password,
      });
      onIssued({ account, password, what: `已为${name.trim()}建立账号` });
      setName('');
      setPhone('');
      setLoginName('');
      setTried(false);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <CellGroup title='新建账号（在浏览器里登录用）'>
      <Field label='姓名' value={name} maxLength={20} required error={shown('name')} onChange={setName} />
      <Field label='手机号' type='phone' value={phone} required error={shown('phone')} onChange={setPhone} />
      <Field label='登录账号' value={loginName} maxLength={32} required error={shown('loginName')} hint='字母或数字，如 chen.nandajie' onChange={setLoginName} />
      <ChoiceGroup label='身份' options={[{ value: 'staff', label: '街道工作人员' }, { value: 'admin', label: '区民政局管理员' }]} value={role} onChange={setRole} />
      {role === 'staff' && streets.data ? (
        <ChoiceGroup label='所在街道' options={streets.data.map((s) => ({ value: s.id, label: s.name }))} value={streetId} error={shown('streetId')} onChange={setStreetId} />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <Button variant='primary' size='large' loading={busy} disabled={busy} onClick={() => void create()}>
        建立账号并生成初始密码
      </Button>
    </CellGroup>
  );
}

function ResetPassword({ onIssued }: { onIssued: (issued: Issued) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reset = async (userId: string, who: string) => {
    const sure = await confirm({ title: `重设${who}的密码？`, content: '旧密码马上失效，已登录的地方都要重新登录。', confirmText: '重设' });
    if (!sure) return;
    setBusy(userId);
    setError(null);
    try {
      const password = await oneTimePassword();
      const account = await stationsApi.resetStaffPassword(userId, password);
      onIssued({ account, password, what: `已重设${who}的密码` });
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure.code === 'NOT_FOUND' ? new ApiError('NOT_FOUND', { message: '这个人还没有登录账号，请在上面为他建立一个。' }) : failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <CellGroup title='忘记密码：重设'>
      <PersonFinder>
        {(person) => {
          const who = person.name ?? '（未填姓名）';
          return (
            <View className='card'>
              <Text className='card__title'>{`${who} · ${person.phone ?? '未留电话'}`}</Text>
              <Button block loading={busy === person.userId} disabled={busy !== null} onClick={() => void reset(person.userId, who)}>
                {`重设${who}的密码`}
              </Button>
            </View>
          );
        }}
      </PersonFinder>
      {error ? <ErrorNotice error={error} /> : null}
    </CellGroup>
  );
}
