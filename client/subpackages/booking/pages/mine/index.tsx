import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { isActiveStatus } from '../../../../../shared/domain/booking-lifecycle';
import { bookingApi } from '../../../../src/api/booking.api';
import type { BookingView } from '../../../../src/api/views.schema';
import { BookingCard } from '../../../../src/components/BookingCard';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, restartAt, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { ChoiceButton } from '../../../../src/ui/ChoiceButton';
import { Empty } from '../../../../src/ui/Empty';

type Tab = 'active' | 'past';

/** The resident's bookings: what is coming first, what is over under its own tab. */
export default function MyBookingsPage() {
  return (
    <Page>
      <Text className='page-title'>我的预约</Text>
      <SignedIn>{() => <Bookings />}</SignedIn>
    </Page>
  );
}

function Bookings() {
  const [tab, setTab] = useState<Tab>('active');
  const state = useRequest(() => bookingApi.mine({ pageSize: 50 }), []);
  // Coming back from a booking that was cancelled or moved: show the new state.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void state.run();
    shown.current = true;
  });

  const pick = (items: BookingView[]) => {
    const now = Date.now();
    const active = items.filter((b) => isActiveStatus(b.status) && Date.parse(b.endsAt) > now);
    const list = tab === 'active' ? active.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)) : items.filter((b) => !active.includes(b));
    return list;
  };

  return (
    <View>
      <View className='flow-tabs'>
        <ChoiceButton selected={tab === 'active'} onClick={() => setTab('active')}>
          进行中
        </ChoiceButton>
        <ChoiceButton selected={tab === 'past'} onClick={() => setTab('past')}>
          已结束
        </ChoiceButton>
      </View>
      <RequestView state={state}>
        {(page) => {
          const list = pick(page.items);
          if (list.length === 0) {
            return (
              <Empty description={tab === 'active' ? '现在没有进行中的预约' : '还没有结束的预约'}>
                <Button variant='primary' size='large' onClick={() => restartAt(routes.home)}>
                  去预约服务
                </Button>
              </Empty>
            );
          }
          return (
            <View className='flow-cards section'>
              {list.map((booking) => (
                <BookingCard key={booking.id} booking={booking} onOpen={() => goTo(routes.bookingDetail, { bookingId: booking.id })} />
              ))}
            </View>
          );
        }}
      </RequestView>
    </View>
  );
}
