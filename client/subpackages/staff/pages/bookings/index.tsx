import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { catalogApi } from '../../../../src/api/catalog.api';
import { staffApi } from '../../../../src/api/staff.api';
import { stationsApi } from '../../../../src/api/stations.api';
import { BookingCard } from '../../../../src/components/BookingCard';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { Page } from '../../../../src/components/Page';
import { Pager } from '../../../../src/components/Pager';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { staffDeskRoles } from '../../../../src/features/staff/staff-roles';
import { addDaysToKey, districtDateKey } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Empty } from '../../../../src/ui/Empty';
import { bookingStatusLabels, type BookingStatus } from '../../../../../shared/domain/booking-lifecycle';
import { serviceKindLabels, type ServiceKind } from '../../../../../shared/domain/service-kinds';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';

const PAGE_SIZE = 20;
const periods = { all: '全部', today: '今天', week: '近 7 天', month: '近 30 天', upcoming: '今后 30 天' } as const;
type Period = keyof typeof periods;

/** The dates a period stands for (the booking's start day, inclusive), from today in the district. */
function rangeOf(period: Period, today: string): { from?: string; to?: string } {
  if (period === 'today') return { from: today, to: today };
  if (period === 'week') return { from: addDaysToKey(today, -6), to: today };
  if (period === 'month') return { from: addDaysToKey(today, -29), to: today };
  if (period === 'upcoming') return { from: today, to: addDaysToKey(today, 30) };
  return {};
}

/** A 街道's bookings (the district's for admin), filtered (service, status, dates, station, 社区) and paged; contact data masked until opened. */
export default function StreetBookingsPage() {
  return (
    <Page>
      <Text className='page-title'>街道预约</Text>
      <SignedIn roles={staffDeskRoles} forbiddenText='这里是街道工作人员查看预约的地方。'>
        {(user) => <StreetBookings user={user} />}
      </SignedIn>
    </Page>
  );
}

function StreetBookings({ user }: { user: PublicUser }) {
  const [service, setService] = useState<ServiceKind | 'all'>('all');
  const [status, setStatus] = useState<BookingStatus | 'all'>('all');
  const [period, setPeriod] = useState<Period>('upcoming');
  const [stationId, setStationId] = useState('');
  const [communityId, setCommunityId] = useState('');
  const [page, setPage] = useState(1);
  const today = districtDateKey(new Date());
  // The 社区 and stations staff may filter by: their 街道's (the server keeps them to it anyway).
  const places = useRequest(async () => {
    const [streets, stations] = await Promise.all([catalogApi.streets(), stationsApi.stations()]);
    const own = user.roles.includes('admin') ? streets : streets.filter((s) => s.id === user.staffStreetId);
    return { communities: own.flatMap((s) => s.communities), stations };
  }, [user.staffStreetId]);
  const state = useRequest(
    () =>
      staffApi.streetBookings({
        ...(service === 'all' ? {} : { service }),
        ...(status === 'all' ? {} : { status }),
        ...rangeOf(period, today),
        ...(stationId ? { stationId } : {}),
        ...(communityId ? { communityId } : {}),
        page,
        pageSize: PAGE_SIZE,
      }),
    [service, status, period, stationId, communityId, page, today],
  );
  const pick = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };
  return (
    <View>
      <ChoiceGroup label='服务' options={[{ value: 'all', label: '全部' }, ...optionsOf(serviceKindLabels)]} value={service} onChange={pick(setService)} />
      <ChoiceGroup label='状态' options={[{ value: 'all', label: '全部' }, ...optionsOf(bookingStatusLabels)]} value={status} onChange={pick(setStatus)} />
      <ChoiceGroup label='日期' options={optionsOf(periods)} value={period} onChange={pick(setPeriod)} />
      {places.data ? (
        <>
          <ChoiceGroup label='站点' options={[{ value: '', label: '全部' }, ...places.data.stations.map((s) => ({ value: s.id, label: s.name }))]} value={stationId} onChange={pick(setStationId)} />
          <ChoiceGroup label='社区' options={[{ value: '', label: '全部' }, ...places.data.communities.map((c) => ({ value: c.id, label: c.name }))]} value={communityId} onChange={pick(setCommunityId)} />
        </>
      ) : null}
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description='没有符合条件的预约' />
          ) : (
            <View className='provider-list'>
              <Text className='page-subtitle'>{`共 ${data.total} 条，第 ${data.page} 页`}</Text>
              {data.items.map((booking) => (
                <BookingCard key={booking.id} booking={booking} onOpen={() => goTo(routes.staffBooking, { bookingId: booking.id })} />
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />
            </View>
          )
        }
      </RequestView>
    </View>
  );
}
