import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { catalogApi } from '../../../../src/api/catalog.api';
import { staffApi } from '../../../../src/api/staff.api';
import type { Person } from '../../../../src/api/staff-views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { SignedIn } from '../../../../src/components/SignedIn';
import { PersonFinder } from '../../../../src/features/staff/PersonFinder';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { showToast } from '../../../../src/ui/feedback';
import { rolesFor } from '../../../../../shared/domain/permissions';
import { roleLabels, type Role } from '../../../../../shared/domain/roles';

/** Roles admin hand out here; everyone is a resident, and volunteers come through their application. */
const grantable: Role[] = ['advisor', 'counselor', 'escort', 'staff', 'admin'];

/** Admin find a person by phone or name (shown masked) and give or take back a role. */
export default function PeoplePage() {
  return (
    <Page>
      <Text className='page-title'>人员与角色</Text>
      <SignedIn roles={rolesFor('staff.findPeople')} forbiddenText='只有区民政局管理员可以设置人员角色。'>
        {() => <People />}
      </SignedIn>
    </Page>
  );
}

function People() {
  return <PersonFinder>{(person, refresh) => <PersonCard person={person} onChanged={refresh} />}</PersonFinder>;
}

function PersonCard({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const streets = useRequest(() => catalogApi.streets(), []);
  const [role, setRole] = useState<Role | ''>('');
  const [streetId, setStreetId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const held = person.roles.filter((r): r is Role => r in roleLabels && r !== 'resident');
  const run = async (step: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await step();
      showToast(done);
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  return (
    <View className='card'>
      <Text className='card__title'>{`${person.name ?? '（未填姓名）'} · ${person.phone ?? '未留电话'}`}</Text>
      <Text className='audit-entry__line'>{held.length > 0 ? `现有角色：${held.map((r) => roleLabels[r]).join('、')}` : '现有角色：居民'}</Text>
      {held.map((r) => (
        <Button key={r} block onClick={() => void run(() => staffApi.revokeRoles(person.userId, [r]), `已收回${roleLabels[r]}`)}>
          {`收回${roleLabels[r]}`}
        </Button>
      ))}
      <ChoiceGroup label='授予角色' options={grantable.filter((r) => !held.includes(r)).map((r) => ({ value: r, label: roleLabels[r] }))} value={role} onChange={setRole} />
      {role === 'staff' && streets.data ? (
        <ChoiceGroup label='所在街道' options={streets.data.map((s) => ({ value: s.id, label: s.name }))} value={streetId} onChange={setStreetId} />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <Button
        variant='primary'
        block
        disabled={role === '' || (role === 'staff' && streetId === '')}
        onClick={() => role && void run(() => staffApi.grantRoles(person.userId, [role], role === 'staff' ? streetId : undefined), `已授予${roleLabels[role]}`)}
      >
        授予
      </Button>
    </View>
  );
}
