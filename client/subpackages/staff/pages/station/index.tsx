import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, toApiError } from '../../../../src/api/api-error';
import { catalogApi } from '../../../../src/api/catalog.api';
import { stationsApi } from '../../../../src/api/stations.api';
import type { ManagedStation } from '../../../../src/api/stations-views.schema';
import type { Street } from '../../../../src/api/views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { OpeningHoursEditor } from '../../../../src/features/stations/OpeningHoursEditor';
import { daysFromPeriods, periodsFromDays, weekProblems, type DayHours } from '../../../../src/features/stations/opening-hours-form';
import { useRequest } from '../../../../src/hooks/use-request';
import { goBack, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { rolesFor } from '../../../../../shared/domain/permissions';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';

/** One station's details and opening hours: a new one (no `stationId`) or one of the list's. */
export default function StationPage() {
  const { stationId = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>{stationId ? '修改站点' : '新建站点'}</Text>
      <SignedIn roles={rolesFor('admin.upsertStation')} forbiddenText='这里是街道工作人员管理站点的地方。'>
        {(user) => <StationLoader user={user} stationId={stationId} />}
      </SignedIn>
    </Page>
  );
}

function StationLoader({ user, stationId }: { user: PublicUser; stationId: string }) {
  // The management list is the one read of a station with its rows; a 街道 has a handful.
  const state = useRequest(async () => {
    const [streets, stations] = await Promise.all([catalogApi.streets(), stationId ? stationsApi.stations() : Promise.resolve([])]);
    const station = stationId ? stations.find((s) => s.id === stationId) : undefined;
    if (stationId && !station) throw new ApiError('NOT_FOUND');
    const mine = user.roles.includes('admin') ? streets : streets.filter((s) => s.id === user.staffStreetId);
    return { streets: mine, station };
  }, [stationId, user.staffStreetId]);
  return <RequestView state={state}>{({ streets, station }) => <StationForm streets={streets} station={station} />}</RequestView>;
}

const phonePattern = /^[0-9-]{7,20}$/;

function StationForm({ streets, station }: { streets: Street[]; station: ManagedStation | undefined }) {
  const [streetId, setStreetId] = useState(() => station?.streetId ?? (streets.length === 1 ? streets[0]!.id : ''));
  const [communityId, setCommunityId] = useState(station?.communityId ?? '');
  const [name, setName] = useState(station?.name ?? '');
  const [address, setAddress] = useState(station?.address ?? '');
  const [phone, setPhone] = useState(station?.phone ?? '');
  // A station saved before the rows existed has only its line of text: start from the usual week and show that line.
  const legacyHours = station && station.openingHours.length === 0 ? station.hours : '';
  const [days, setDays] = useState<DayHours[]>(() => daysFromPeriods(station && !legacyHours ? station.openingHours : null));
  const [error, setError] = useState<ApiError | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const communities = streets.find((s) => s.id === streetId)?.communities ?? [];
  const problems = {
    communityId: communityId ? undefined : '请选站点所在的社区',
    name: name.trim() ? undefined : '请填写站点名称',
    address: address.trim() ? undefined : '请填写地址',
    phone: phonePattern.test(phone.trim()) ? undefined : '电话只能有数字和 -，如 0519-88661001',
  };
  const hoursProblems = weekProblems(days);
  const fieldErrors = error?.fieldErrors() ?? {};
  const shown = (key: keyof typeof problems) => (tried ? problems[key] : undefined) ?? fieldErrors[key];
  const save = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean) || hoursProblems.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await stationsApi.saveStation({
        ...(station ? { stationId: station.id } : {}),
        communityId,
        name: name.trim(),
        address: address.trim(),
        phone: phone.trim(),
        openingHours: periodsFromDays(days),
      });
      showToast('已保存');
      goBack();
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure.code === 'CONFLICT' ? new ApiError('CONFLICT', { message: '这个社区已经有站点了，一个社区只设一个站点。' }) : failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      {station && !station.active ? <Text className='page-subtitle'>这个站点已停用；保存不会重新开放它。</Text> : null}
      {streets.length > 1 ? (
        <ChoiceGroup label='所在街道' options={streets.map((s) => ({ value: s.id, label: s.name }))} value={streetId} onChange={(id) => (setStreetId(id), setCommunityId(''))} />
      ) : null}
      <ChoiceGroup label='所在社区' options={communities.map((c) => ({ value: c.id, label: c.name }))} value={communityId} error={shown('communityId')} onChange={setCommunityId} />
      <Field label='站点名称' value={name} maxLength={40} required error={shown('name')} onChange={setName} />
      <Field label='地址' value={address} maxLength={100} required error={shown('address')} onChange={setAddress} />
      <Field label='电话' value={phone} required error={shown('phone')} hint='座机请带区号，如 0519-88661001' onChange={setPhone} />
      {legacyHours ? <Text className='page-subtitle'>{`原来写的开放时间：${legacyHours}。请按它核对下面每一天。`}</Text> : null}
      <OpeningHoursEditor days={days} onChange={setDays} problems={tried ? hoursProblems : []} />
      {error ? <ErrorNotice error={error} /> : null}
      <Button variant='primary' size='large' loading={busy} disabled={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
