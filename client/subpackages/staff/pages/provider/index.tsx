import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, toApiError } from '../../../../src/api/api-error';
import { staffApi } from '../../../../src/api/staff.api';
import type { Person } from '../../../../src/api/staff-views.schema';
import { stationsApi } from '../../../../src/api/stations.api';
import type { ManagedProvider, ManagedStation } from '../../../../src/api/stations-views.schema';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { PersonFinder } from '../../../../src/features/staff/PersonFinder';
import { useRequest } from '../../../../src/hooks/use-request';
import { goBack, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { rolesFor } from '../../../../../shared/domain/permissions';
import { providerRoleOf, roleLabels } from '../../../../../shared/domain/roles';
import { serviceKindLabels, type ServiceKind } from '../../../../../shared/domain/service-kinds';

/** Admin make a provider record for a person (found by phone or name) or change one; saving makes it active again. */
export default function ProviderPage() {
  const { providerId = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>{providerId ? '修改服务人员' : '新增服务人员'}</Text>
      <SignedIn roles={rolesFor('admin.upsertProvider')} forbiddenText='只有区民政局管理员可以新增或修改服务人员。'>
        {() => <ProviderLoader providerId={providerId} />}
      </SignedIn>
    </Page>
  );
}

function ProviderLoader({ providerId }: { providerId: string }) {
  const state = useRequest(async () => {
    const [stations, providers] = await Promise.all([stationsApi.stations(), providerId ? stationsApi.providers({}) : Promise.resolve([])]);
    const provider = providerId ? providers.find((p) => p.id === providerId) : undefined;
    if (providerId && !provider) throw new ApiError('NOT_FOUND');
    return { stations: stations.filter((s) => s.active), provider };
  }, [providerId]);
  return <RequestView state={state}>{({ stations, provider }) => <ProviderForm stations={stations} provider={provider} />}</RequestView>;
}

/** The person a record is for; `roles` is null for a record's own person (who held the role when it was made). */
type Linked = { userId: string; label: string; roles: readonly string[] | null };

function ProviderForm({ stations, provider }: { stations: ManagedStation[]; provider: ManagedProvider | undefined }) {
  const [kind, setKind] = useState<ServiceKind | ''>(provider?.kind ?? '');
  const [person, setPerson] = useState<Linked | null>(provider ? { userId: provider.userId, label: '已关联（不变）', roles: null } : null);
  const [name, setName] = useState(provider?.name ?? '');
  const [stationId, setStationId] = useState(provider?.stationId ?? '');
  const [venue, setVenue] = useState(provider?.venue ?? '');
  const [intro, setIntro] = useState(provider?.intro ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problems = {
    kind: kind ? undefined : '请选服务',
    userId: person ? undefined : '请先找到并选定这位服务人员的账号',
    name: name.trim() ? undefined : '请填写居民看到的称呼，如 刘顾问',
    stationId: kind === 'advisor' && !stationId ? '养老顾问须属于一个站点' : undefined,
    venue: venue.trim() ? undefined : '请填写服务地点',
  };
  const fieldErrors = error?.fieldErrors() ?? {};
  const shown = (key: keyof typeof problems) => (tried ? problems[key] : undefined) ?? fieldErrors[key];
  const pick = (found: Person) => {
    setPerson({ userId: found.userId, label: `${found.name ?? '（未填姓名）'} · ${found.phone ?? '未留电话'}`, roles: found.roles });
    if (!name && found.name && !found.name.includes('*')) setName(found.name);
  };
  const step = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      showToast(done);
      return true;
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure.code === 'CONFLICT' ? new ApiError('CONFLICT', { message: '这个人已经有这项服务的记录了，请在列表里修改那一条。' }) : failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const role = kind ? providerRoleOf[kind] : null;
  const needsRole = person !== null && person.roles !== null && role !== null && !person.roles.includes(role);
  const grant = () =>
    person && role && void step(() => staffApi.grantRoles(person.userId, [role]), `已授予${roleLabels[role]}`).then((ok) => ok && setPerson({ ...person, roles: [...(person.roles ?? []), role] }));
  const save = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean) || !kind || !person || needsRole) return;
    const saved = await step(
      () =>
        stationsApi.saveProvider({
          ...(provider ? { providerId: provider.id } : {}),
          userId: person.userId,
          kind,
          name: name.trim(),
          stationId: stationId || null,
          venue: venue.trim(),
          intro: intro.trim(),
        }),
      '已保存',
    );
    if (saved) goBack();
  };
  return (
    <View>
      {provider && !provider.active ? <Text className='page-subtitle'>这位服务人员已停用；保存后恢复在岗。</Text> : null}
      {provider ? (
        <Text className='page-subtitle'>{`服务：${serviceKindLabels[provider.kind]}`}</Text>
      ) : (
        <ChoiceGroup label='服务' options={optionsOf(serviceKindLabels)} value={kind} error={shown('kind')} onChange={setKind} />
      )}
      {person ? (
        <View className='card'>
          <Text className='card__title'>{`账号：${person.label}`}</Text>
          {needsRole && role ? (
            <>
              <Text className='audit-entry__line'>{`这个人还没有「${roleLabels[role]}」角色，授予后才能保存。`}</Text>
              <Button variant='primary' block disabled={busy} onClick={grant}>
                {`授予${roleLabels[role]}角色`}
              </Button>
            </>
          ) : null}
          {!provider ? (
            <Button block onClick={() => setPerson(null)}>
              换一个人
            </Button>
          ) : null}
        </View>
      ) : (
        <View className='card'>
          <Text className='card__title'>这位服务人员的账号</Text>
          {shown('userId') ? <Text className='station-day__problem'>{shown('userId')}</Text> : null}
          <PersonFinder>
            {(found) => (
              <View className='card'>
                <Text className='card__title'>{`${found.name ?? '（未填姓名）'} · ${found.phone ?? '未留电话'}`}</Text>
                <Button block onClick={() => pick(found)}>
                  选这个人
                </Button>
              </View>
            )}
          </PersonFinder>
        </View>
      )}
      <Field label='称呼（居民看到的）' value={name} maxLength={20} required error={shown('name')} onChange={setName} />
      <ChoiceGroup
        label='所在站点'
        options={[...(kind === 'advisor' ? [] : [{ value: '', label: '不属于站点（区级）' }]), ...stations.map((s) => ({ value: s.id, label: s.name }))]}
        value={stationId}
        error={shown('stationId')}
        onChange={setStationId}
      />
      <Field label='服务地点' value={venue} maxLength={60} required error={shown('venue')} hint='如 小营前社区养老顾问站' onChange={setVenue} />
      <Field label='介绍' value={intro} maxLength={200} multiline onChange={setIntro} />
      {error ? <ErrorNotice error={error} /> : null}
      <Button variant='primary' size='large' loading={busy} disabled={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
