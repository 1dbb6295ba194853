import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { stationsApi } from '../../../../src/api/stations.api';
import type { ManagedProvider } from '../../../../src/api/stations-views.schema';
import type { BookingView } from '../../../../src/api/views.schema';
import { BookingCard } from '../../../../src/components/BookingCard';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
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
import { mayCall, rolesFor } from '../../../../../shared/domain/permissions';
import { serviceKindLabels, type ServiceKind } from '../../../../../shared/domain/service-kinds';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';

/**
 * The providers (养老顾问, 婚姻辅导员, 陪诊员) by service and station, inactive ones too. Staff see
 * their 街道's; only admin make, change or stop one (a record binds a person's account and role).
 */
export default function ProvidersPage() {
  return (
    <Page>
      <Text className='page-title'>服务人员</Text>
      <SignedIn roles={rolesFor('staff.managedProviders')} forbiddenText='这里是街道工作人员查看服务人员的地方。'>
        {(user) => <Providers user={user} />}
      </SignedIn>
    </Page>
  );
}

function Providers({ user }: { user: PublicUser }) {
  const mayEdit = mayCall(user.roles, 'admin.upsertProvider');
  const [service, setService] = useState<ServiceKind | 'all'>('all');
  const [stationId, setStationId] = useState('');
  const stations = useRequest(() => stationsApi.stations(), []);
  const state = useRequest(
    () => stationsApi.providers({ ...(service === 'all' ? {} : { service }), ...(stationId ? { stationId } : {}) }),
    [service, stationId],
  );
  useShownAgain(() => void state.run());
  const { busy, error, run } = useBusyAction(() => void state.run());
  const [stranded, setStranded] = useState<BookingView[]>([]);
  const stationName = (id: string | null) => (id ? (stations.data?.find((s) => s.id === id)?.name ?? id) : '不属于站点（区级）');
  const stop = async (provider: ManagedProvider) => {
    const sure = await confirm({ title: `停用${provider.name}？`, content: '停用后居民不能再预约。还没到时间的预约会列在上方，请逐一联系改期或取消。', confirmText: '停用', danger: true });
    if (!sure) return;
    await run(provider.id, async () => setStranded((await stationsApi.deactivateProvider(provider.id)).affected), '已停用');
  };
  return (
    <View>
      <Text className='page-subtitle'>{user.roles.includes('admin') ? '全区的服务人员' : '本街道站点的服务人员'}，含已停用的</Text>
      <ChoiceGroup label='服务' options={[{ value: 'all', label: '全部' }, ...optionsOf(serviceKindLabels)]} value={service} onChange={setService} />
      {stations.data && stations.data.length > 0 ? (
        <ChoiceGroup label='站点' options={[{ value: '', label: '全部' }, ...stations.data.map((s) => ({ value: s.id, label: s.name }))]} value={stationId} onChange={setStationId} />
      ) : null}
      {mayEdit ? (
        <Button variant='primary' size='large' onClick={() => goTo(routes.staffProvider)}>
          新增服务人员
        </Button>
      ) : (
        <Text className='page-subtitle'>新增、修改或停用服务人员，请联系区民政局管理员。</Text>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {stranded.length > 0 ? (
        <View className='card'>
          <Text className='card__title'>{`还有 ${stranded.length} 个预约要改期或取消，请联系居民`}</Text>
          {stranded.map((booking) => (
            <BookingCard key={booking.id} booking={booking} onOpen={() => goTo(routes.staffBooking, { bookingId: booking.id })} />
          ))}
        </View>
      ) : null}
      <RequestView state={state}>
        {(providers) =>
          providers.length === 0 ? (
            <Empty description='没有符合条件的服务人员' />
          ) : (
            <View className='provider-list'>
              {providers.map((provider) => (
                <View key={provider.id} className='card'>
                  <View className='staff-flags'>
                    <Text className='card__title'>{provider.name}</Text>
                    <Tag>{serviceKindLabels[provider.kind]}</Tag>
                    {provider.active ? <Tag tone='success'>在岗</Tag> : <Tag tone='warning' prominent>已停用</Tag>}
                  </View>
                  <DetailRows
                    rows={[
                      { label: '站点', value: stationName(provider.stationId) },
                      { label: '服务地点', value: provider.venue },
                    ]}
                  />
                  {mayEdit ? (
                    <>
                      <Button block onClick={() => goTo(routes.staffProvider, { providerId: provider.id })}>
                        {provider.active ? `修改${provider.name}` : `修改并恢复${provider.name}`}
                      </Button>
                      {provider.active ? (
                        <Button block variant='danger' loading={busy === provider.id} disabled={busy !== null} onClick={() => void stop(provider)}>
                          停用
                        </Button>
                      ) : null}
                    </>
                  ) : null}
                </View>
              ))}
            </View>
          )
        }
      </RequestView>
    </View>
  );
}
