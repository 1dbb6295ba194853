import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { providerApi } from '../../../../src/api/provider.api';
import { BookingCard } from '../../../../src/components/BookingCard';
import { DetailRows } from '../../../../src/components/DetailRows';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { jobDetailRows } from '../../../../src/features/provider/job-details';
import { ServedPerson } from '../../../../src/features/provider/ServedPerson';
import { forbiddenText, providerPageRoles } from '../../../../src/features/provider/provider-roles';
import { addDaysToKey, districtDateKey, relativeDayName, shortDateOfKey, weekdayOfKey } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes } from '../../../../src/navigation/routes';
import { ChoiceButton } from '../../../../src/ui/ChoiceButton';
import { Empty } from '../../../../src/ui/Empty';

/** The provider's day: who comes when; a tap opens the case to complete it or mark a no-show. */
export default function SchedulePage() {
  return (
    <Page>
      <Text className='page-title'>日程</Text>
      <SignedIn roles={providerPageRoles} forbiddenText={forbiddenText}>
        {() => <Schedule />}
      </SignedIn>
    </Page>
  );
}

function Schedule() {
  const today = useMemo(() => districtDateKey(new Date()), []);
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDaysToKey(today, i)), [today]);
  const [date, setDate] = useState(today);
  const state = useRequest(() => providerApi.schedule(date), [date]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void state.run();
    shown.current = true;
  });
  return (
    <View>
      <View className='provider-days'>
        {days.map((day) => (
          <ChoiceButton key={day} className='provider-day' selected={day === date} onClick={() => setDate(day)}>
            <Text>{relativeDayName(day, today) || weekdayOfKey(day)}</Text>
            <Text>{shortDateOfKey(day)}</Text>
          </ChoiceButton>
        ))}
      </View>
      <RequestView state={state}>
        {(data) => {
          const items = [...data.items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
          return items.length === 0 ? (
            <Empty description='这一天没有预约' />
          ) : (
            <View className='provider-list'>
              {items.map((booking) => (
                // A confirmed job comes in full (the server's worklist view): call and address right here.
                <BookingCard key={booking.id} booking={booking} viewer='provider' onOpen={() => goTo(routes.providerCase, { bookingId: booking.id })}>
                  <ServedPerson booking={booking} />
                  <DetailRows rows={jobDetailRows(booking)} />
                </BookingCard>
              ))}
            </View>
          );
        }}
      </RequestView>
    </View>
  );
}
