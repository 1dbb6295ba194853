import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { roleLabels } from '../../../shared/domain/roles';
import { mayCall } from '../../../shared/domain/permissions';
import { runtimeConfig } from '../../src/config/runtime-config';
import { profileAddressMax, userActions, type PublicUser } from '../../../shared/schemas/user.schema';
import { toApiError, type ApiError } from '../../src/api/api-error';
import type { UpdateProfileInput } from '../../src/api/user.api';
import { checkInput } from '../../src/api/validate-input';
import { ErrorNotice } from '../../src/components/ErrorNotice';
import { CommunityChoice } from '../../src/components/CommunityChoice';
import { FamilyMembers } from '../../src/components/FamilyMembers';
import { Page } from '../../src/components/Page';
import { useElderMode } from '../../src/elder/elder-mode-context';
import { goTo, restartAt, routes } from '../../src/navigation/routes';
import { useSession } from '../../src/session/session-context';
import { Button } from '../../src/ui/Button';
import { CellGroup } from '../../src/ui/Cell';
import { Empty } from '../../src/ui/Empty';
import { confirm, showToast } from '../../src/ui/feedback';
import { Field } from '../../src/ui/Field';
import { Loading } from '../../src/ui/Loading';
import { Switch } from '../../src/ui/Switch';
import { Tag } from '../../src/ui/Tag';
import './index.scss';

export default function ProfilePage() {
  const session = useSession();
  return (
    <Page>
      {session.status === 'loading' ? <Loading /> : null}
      {session.status === 'error' && session.error ? (
        <ErrorNotice error={session.error} onRetry={() => void session.refresh()} />
      ) : null}
      {session.status === 'signedOut' ? (
        <Empty description='请先登录，再查看和修改个人资料'>
          <Button variant='primary' size='large' onClick={() => goTo(routes.login)}>
            去登录
          </Button>
        </Empty>
      ) : null}
      {session.status === 'signedIn' && session.user ? <ProfileForm user={session.user} /> : null}
    </Page>
  );
}

function ProfileForm({ user }: { user: PublicUser }) {
  const session = useSession();
  const elderMode = useElderMode();
  const [name, setName] = useState(user.name ?? '');
  const [phone, setPhone] = useState(user.phone ?? '');
  const [communityId, setCommunityId] = useState(user.communityId ?? '');
  const [address, setAddress] = useState(user.address ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const changes: UpdateProfileInput = {};
    if (name.trim() !== (user.name ?? '')) changes.name = name;
    if (phone.trim() !== (user.phone ?? '')) changes.phone = phone.trim();
    if (communityId !== (user.communityId ?? '')) changes.communityId = communityId || null;
    if (address.trim() !== (user.address ?? '')) changes.address = address.trim() || null;
    if (Object.keys(changes).length === 0) {
      showToast('没有需要保存的修改');
      return;
    }
    const checked = checkInput(userActions.updateProfile, changes);
    if (!checked.ok) {
      setFieldErrors(checked.fields);
      return;
    }
    setFieldErrors({});
    setError(null);
    setSaving(true);
    try {
      await session.updateProfile(changes);
      showToast('已保存');
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === 'VALIDATION_FAILED' && apiError.details?.fields?.length) setFieldErrors(apiError.fieldErrors());
      else setError(apiError);
    } finally {
      setSaving(false);
    }
  };

  const toggleElder = async (on: boolean) => {
    elderMode.setElder(on);
    try {
      await session.updateProfile({ elderMode: on });
    } catch (caught) {
      // The switch already works on this phone; only the copy on the account failed.
      showToast(`本机已${on ? '开启' : '关闭'}，账号未同步：${toApiError(caught).message}`);
    }
  };

  const logout = async () => {
    const sure = await confirm({ title: '退出登录', content: '退出后需要重新登录才能预约。', confirmText: '退出', danger: true });
    if (!sure) return;
    session.logout();
    restartAt(routes.home);
  };

  return (
    <View>
      <Text className='page-title'>{user.name ?? '未填写姓名'}</Text>
      <View className='profile-roles'>
        {user.roles.map((role) => (
          <Tag key={role} tone='primary'>
            {roleLabels[role]}
          </Tag>
        ))}
      </View>

      <CellGroup title='显示'>
        <Switch
          label='长辈模式'
          description='字更大、按钮更大'
          checked={elderMode.elder}
          onChange={(on) => void toggleElder(on)}
        />
      </CellGroup>

      <FamilyMembers />

      <CellGroup title='联系方式'>
        <Field label='姓名' value={name} placeholder='请填写姓名' maxLength={20} error={fieldErrors.name} onChange={setName} />
        <Field label='手机号' type='phone' value={phone} placeholder='11 位手机号' error={fieldErrors.phone} onChange={setPhone} />
      </CellGroup>

      <CellGroup title='住在哪里（预约时自动填好）'>
        <CommunityChoice value={communityId} error={fieldErrors.communityId} onChange={setCommunityId} />
        <Field label='住址' multiline value={address} maxLength={profileAddressMax} hint={`选填，最多 ${profileAddressMax} 字，陪诊接送和上门服务用`}
          placeholder='小区、楼栋、门牌号' error={fieldErrors.address} onChange={setAddress} />
      </CellGroup>
      {fieldErrors['(root)'] ? <Text className='profile-form-error'>{fieldErrors['(root)']}</Text> : null}
      {error ? <ErrorNotice error={error} onRetry={() => void save()} /> : null}

      <View className='section stack'>
        <Button variant='primary' size='large' loading={saving} onClick={() => void save()}>
          保存
        </Button>
        {/* staff sign-in: passwords are the browser's; in WeChat staff sign in as themselves. */}
        {runtimeConfig.platform === 'h5' && mayCall(user.roles, 'user.changePassword') ? (
          <Button block onClick={() => goTo(routes.changePassword)}>
            修改密码
          </Button>
        ) : null}
        <Button block onClick={() => void logout()}>
          退出登录
        </Button>
      </View>
    </View>
  );
}
