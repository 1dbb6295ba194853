import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, isApiError } from '../../../../src/api/api-error';
import { catalogApi } from '../../../../src/api/catalog.api';
import { stationsApi } from '../../../../src/api/stations.api';
import type { ManagedStation } from '../../../../src/api/stations-views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { useBusyAction } from '../../../../src/hooks/use-busy-action';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { confirm } from '../../../../src/ui/feedback';
import { Tag } from '../../../../src/ui/Tag';
import { rolesFor } from '../../../../../shared/domain/permissions';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';

/** The server's one refusal here (active advisors at the station), said the way staff act on it. */
async function withPlainConflict<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (caught) {
    if (isApiError(caught) && caught.code === 'CONFLICT') throw new ApiError('CONFLICT', { message: '站点里还有在岗的养老顾问，请先在「服务人员」里停用他们，再停用站点。' });
    throw caught;
  }
}

/** The 街道's 养老顾问站点 (the district's for admin), inactive ones too: open one to edit, switch off or on. */
export default function StationsPage() {
  return (
    <Page>
      <Text className='page-title'>养老顾问站点</Text>
      <SignedIn roles={rolesFor('staff.managedStations')} forbiddenText='这里是街道工作人员管理站点的地方。'>
        {(user) => <Stations user={user} />}
      </SignedIn>
    </Page>
  );
}

function Stations({ user }: { user: PublicUser }) {
  const isAdmin = user.roles.includes('admin');
  const [streetId, setStreetId] = useState('');
  const streets = useRequest(() => catalogApi.streets(), []);
  const state = useRequest(() => stationsApi.stations(streetId || undefined), [streetId]);
  useShownAgain(() => void state.run());
  const { busy, error, run } = useBusyAction(() => void state.run());
  const communityName = (id: string) => streets.data?.flatMap((s) => s.communities).find((c) => c.id === id)?.name ?? '';
  const switchStation = async (station: ManagedStation) => {
    if (station.active) {
      const sure = await confirm({ title: '停用这个站点？', content: `${station.name}停用后，居民在小程序里就看不到它了。以后可以恢复。`, confirmText: '停用', danger: true });
      if (!sure) return;
    }
    await run(station.id, () => withPlainConflict(stationsApi.setStationActive(station.id, !station.active)), station.active ? '已停用' : '已恢复');
  };
  return (
    <View>
      <Text className='page-subtitle'>{isAdmin ? '全区的站点' : '本街道的站点'}，含已停用的</Text>
      {isAdmin && streets.data ? (
        <ChoiceGroup
          label='街道'
          options={[{ value: '', label: '全部' }, ...streets.data.map((s) => ({ value: s.id, label: s.name }))]}
          value={streetId}
          onChange={setStreetId}
        />
      ) : null}
      <Button variant='primary' size='large' onClick={() => goTo(routes.staffStation)}>
        新建站点
      </Button>
      {error ? <ErrorNotice error={error} /> : null}
      <RequestView state={state}>
        {(stations) =>
          stations.length === 0 ? (
            <Empty description='还没有站点' />
          ) : (
            <View className='provider-list'>
              {stations.map((station) => (
                <View key={station.id} className='card'>
                  <View className='staff-flags'>
                    <Text className='card__title'>{station.name}</Text>
                    {station.active ? <Tag tone='success'>开放中</Tag> : <Tag tone='warning' prominent>已停用</Tag>}
                  </View>
                  <DetailRows
                    rows={[
                      { label: '社区', value: communityName(station.communityId) || station.communityId },
                      { label: '地址', value: station.address },
                      { label: '开放时间', value: station.hours || '未填写' },
                      { label: '电话', value: station.phone },
                    ]}
                  />
                  <Button block onClick={() => goTo(routes.staffStation, { stationId: station.id })}>
                    {`修改${station.name}`}
                  </Button>
                  <Button block variant={station.active ? 'danger' : 'default'} loading={busy === station.id} disabled={busy !== null} onClick={() => void switchStation(station)}>
                    {station.active ? '停用' : '恢复开放'}
                  </Button>
                </View>
              ))}
            </View>
          )
        }
      </RequestView>
    </View>
  );
}
