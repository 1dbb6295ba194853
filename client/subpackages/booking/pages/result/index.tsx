import { Text, View } from '@tarojs/components';
import { bookingApi } from '../../../../src/api/booking.api';
import { BookingWayOn, NoBookingNamed } from '../../../../src/components/BookingWayOn';
import { DetailRows } from '../../../../src/components/DetailRows';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { StatusTag } from '../../../../src/components/StatusTag';
import { placeOf, serviceTitle, waitingLine } from '../../../../src/features/booking/booking-labels';
import { formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { replaceWith, restartAt, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';

/** Right after booking: what was booked, its status, what happens next, and until when it can be cancelled. */
export default function BookingResultPage() {
  const { bookingId = '' } = usePageParams();
  return (
    <Page>
      <SignedIn>{() => (bookingId ? <Result bookingId={bookingId} /> : <NoBookingNamed />)}</SignedIn>
    </Page>
  );
}

function Result({ bookingId }: { bookingId: string }) {
  const state = useRequest(() => bookingApi.detail(bookingId), [bookingId]);
  return (
    <RequestView state={state} wayOn={<BookingWayOn />}>
      {({ booking }) => (
        <View>
          <View className='flow-result'>
            <View className='flow-result__mark'>
              <Text>✓</Text>
            </View>
            <Text className='page-title'>预约已提交</Text>
            <StatusTag status={booking.status} />
            <Text className='text-key'>{formatRange(booking.startsAt, booking.endsAt)}</Text>
          </View>
          <View className='card'>
            <DetailRows
              rows={[
                { label: '服务', value: serviceTitle(booking.service) },
                ...(placeOf(booking) ? [{ label: '地点', value: placeOf(booking)! }] : []),
                ...(booking.provider && booking.service !== 'escort' ? [{ label: '服务人员', value: booking.provider.name }] : []),
                { label: '可取消至', value: formatDateTime(booking.cancelDeadline) },
              ]}
            />
          </View>
          <Text className='page-subtitle section'>{waitingLine(booking)}</Text>
          <View className='flow-actions'>
            <Button variant='primary' size='large' onClick={() => replaceWith(routes.bookingDetail, { bookingId: booking.id })}>
              查看这个预约
            </Button>
            <Button block onClick={() => restartAt(routes.home)}>
              回到首页
            </Button>
          </View>
        </View>
      )}
    </RequestView>
  );
}
