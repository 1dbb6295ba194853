import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { staffApi } from '../../../../src/api/staff.api';
import { BookingCard } from '../../../../src/components/BookingCard';
import { DetailRows } from '../../../../src/components/DetailRows';
import { HistoryTimeline } from '../../../../src/components/HistoryTimeline';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { detailRows } from '../../../../src/features/booking/booking-labels';
import { EligibilityReview } from '../../../../src/features/staff/EligibilityReview';
import { staffDeskRoles } from '../../../../src/features/staff/staff-roles';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';

/** One booking of the 街道 in full, as staff may see it (never a counseling topic, note or reason). */
export default function StaffBookingPage() {
  const bookingId = useRouter().params.bookingId ?? '';
  return (
    <Page>
      <Text className='page-title'>预约详情</Text>
      <SignedIn roles={staffDeskRoles} forbiddenText='这里是街道工作人员查看预约的地方。'>
        {() => <StaffBooking bookingId={bookingId} />}
      </SignedIn>
    </Page>
  );
}

function StaffBooking({ bookingId }: { bookingId: string }) {
  const state = useRequest(() => staffApi.streetBooking(bookingId), [bookingId]);
  return (
    <RequestView state={state}>
      {({ booking, history }) => (
        <View>
          <BookingCard booking={booking} />
          <View className='card'>
            <DetailRows
              rows={[
                ...(booking.bookerName ? [{ label: '预约人', value: booking.bookerName }] : []),
                { label: '联系电话', value: booking.contactPhone },
                ...detailRows(booking),
              ]}
            />
          </View>
          <EligibilityReview booking={booking} onDone={() => void state.run()} />
          {booking.allowedActions.includes('assign') ? (
            <View className='card-actions'>
              <Button variant='primary' block onClick={() => goTo(routes.staffDispatch, { bookingId: booking.id })}>
                {booking.provider ? '改派陪诊员' : '指派陪诊员'}
              </Button>
            </View>
          ) : null}
          <HistoryTimeline history={history} />
        </View>
      )}
    </RequestView>
  );
}
