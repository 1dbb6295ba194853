import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ServiceKind } from '../../../../../shared/domain/service-kinds';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { catalogApi, loadService } from '../../../../src/api/catalog.api';
import type { ProviderWithSlots, ServiceInfo, Station, Street } from '../../../../src/api/views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { startDraft } from '../../../../src/features/booking/booking-draft';
import { serviceTitle } from '../../../../src/features/booking/booking-labels';
import { formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useSession } from '../../../../src/session/session-context';
import { goTo, replaceWith, routes, usePageParams } from '../../../../src/navigation/routes';
import { Empty } from '../../../../src/ui/Empty';
import { Tappable } from '../../../../src/ui/Tappable';

/**
 * Who to book with. Advisor: 街道 → 社区 (its station) → the station's advisor. Counseling: the
 * counselors. An escort request has no provider and starts at the form instead.
 */
export default function ChooseProviderPage() {
  const params = usePageParams();
  const service = (params.service === 'counseling' ? 'counseling' : params.service === 'escort' ? 'escort' : 'advisor') as ServiceKind;
  useEffect(() => {
    if (service === 'escort') replaceWith(routes.bookingForm, { service: 'escort', proxy: params.proxy });
  }, [service, params.proxy]);
  const info = useRequest(() => loadService(service), [service]);
  return (
    <Page>
      <Text className='page-title'>{`预约${serviceTitle(service)}`}</Text>
      <SignedIn>
        {(user) => (
          <RequestView state={info}>
            {(serviceInfo) => (
              <View>
                <Text className='page-subtitle'>{serviceInfo.description}</Text>
                {service === 'advisor' ? <AdvisorChooser user={user} service={serviceInfo} /> : null}
                {service === 'counseling' ? <ProviderList service={serviceInfo} stationId={undefined} /> : null}
              </View>
            )}
          </RequestView>
        )}
      </SignedIn>
    </Page>
  );
}

function AdvisorChooser({ user, service }: { user: PublicUser; service: ServiceInfo }) {
  const session = useSession();
  const streets = useRequest(() => catalogApi.streets(), []);
  const [streetId, setStreetId] = useState<string | null>(null);
  const [communityId, setCommunityId] = useState<string | null>(null);
  // Asked once: a resident without a community in the profile keeps the first one chosen here.
  const [remembered, setRemembered] = useState<string | null>(null);
  const firstTime = !user.communityId;
  const chooseCommunity = (id: string) => {
    setCommunityId(id);
    if (!firstTime && remembered === null) return;
    const name = streets.data?.flatMap((street) => street.communities).find((c) => c.id === id)?.name ?? null;
    void session.updateProfile({ communityId: id }).then(
      () => setRemembered(name),
      () => undefined,
    );
  };

  // Start at the resident's own community: most people book the station nearest home.
  useEffect(() => {
    if (!streets.data || streetId || !user.communityId) return;
    const own = streets.data.find((street) => street.communities.some((c) => c.id === user.communityId));
    if (own) {
      setStreetId(own.id);
      setCommunityId(user.communityId);
    }
  }, [streets.data, streetId, user.communityId]);

  return (
    <RequestView state={streets}>
      {(list: Street[]) => (
        <View>
          <Text className='flow-step'>{firstTime ? '1. 您住在哪个街道' : '1. 选择街道'}</Text>
          {firstTime ? <Text className='flow-hint flow-hint--plain'>选一次就记下，以后预约自动选好，也可在“我的”里修改。</Text> : null}
          <ChoiceGroup
            label='街道'
            options={list.map((street) => ({ value: street.id, label: street.name }))}
            value={streetId ?? ''}
            onChange={(id) => {
              setStreetId(id);
              setCommunityId(null);
            }}
          />
          {streetId ? <StationStep streetId={streetId} communityId={communityId} onCommunity={chooseCommunity} service={service} /> : null}
          {remembered ? <Text className='flow-hint flow-hint--plain'>{`已记下您的社区：${remembered}`}</Text> : null}
        </View>
      )}
    </RequestView>
  );
}

function StationStep(props: { streetId: string; communityId: string | null; onCommunity: (id: string) => void; service: ServiceInfo }) {
  const { streetId, communityId, onCommunity, service } = props;
  const stations = useRequest(() => catalogApi.stations({ streetId }), [streetId]);
  return (
    <View>
      <Text className='flow-step'>2. 选择社区养老顾问站</Text>
      <RequestView state={stations}>
        {(list: Station[]) =>
          list.length === 0 ? (
            <Empty description='这个街道还没有养老顾问站' />
          ) : (
            <View className='flow-cards'>
              {list.map((station) => (
                <Tappable
                  key={station.id}
                  className={`flow-card${station.communityId === communityId ? ' flow-card--selected' : ''}`}
                  onClick={() => onCommunity(station.communityId)}
                >
                  <Text className='flow-card__title'>{station.name}</Text>
                  <Text className='flow-card__line'>{station.address}</Text>
                  <Text className='flow-card__line'>{station.hours}</Text>
                  <Text className='flow-card__next'>{station.communityId === communityId ? '已选这个站点' : '选这个站点 ›'}</Text>
                </Tappable>
              ))}
            </View>
          )
        }
      </RequestView>
      {communityId && stations.data ? (
        <ProviderList service={service} stationId={stations.data.find((s) => s.communityId === communityId)?.id} step='3. 选择养老顾问' />
      ) : null}
    </View>
  );
}

function ProviderList({ service, stationId, step }: { service: ServiceInfo; stationId: string | undefined; step?: string }) {
  const providers = useRequest(() => catalogApi.providers(service.id, stationId), [service.id, stationId]);
  // 代办 (from the staff workbench) carries on through the flow in the draft.
  const proxy = usePageParams().proxy === '1';
  const choose = (provider: ProviderWithSlots) => {
    startDraft(service, { id: provider.id, name: provider.name, venue: provider.venue }, { proxy });
    goTo(routes.bookingSlots, { providerId: provider.id });
  };
  return (
    <View>
      <Text className='flow-step'>{step ?? (service.id === 'counseling' ? '选择辅导师' : '选择服务人员')}</Text>
      <RequestView state={providers}>
        {(list) =>
          list.length === 0 ? (
            <Empty description='这里暂时没有可以预约的服务人员' />
          ) : (
            <View className='flow-cards'>
              {list.map((provider) => {
                const next = provider.nextSlots[0];
                return (
                  <Tappable
                    key={provider.id}
                    className='flow-card'
                    onClick={() => choose(provider)}
                  >
                    <Text className='flow-card__title'>{provider.name}</Text>
                    <Text className='flow-card__line'>{provider.venue}</Text>
                    {provider.intro ? <Text className='flow-card__line'>{provider.intro}</Text> : null}
                    <Text className='flow-card__line'>{next ? `最近可约：${formatDateTime(next.startsAt)}` : '近期已约满'}</Text>
                    <Text className='flow-card__next'>选这位，看时间 ›</Text>
                  </Tappable>
                );
              })}
            </View>
          )
        }
      </RequestView>
    </View>
  );
}
