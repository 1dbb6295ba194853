import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { bookingApi } from '../../../../src/api/booking.api';
import { mayDo, type BookingDetail } from '../../../../src/api/views.schema';
import { isActiveStatus } from '../../../../../shared/domain/booking-lifecycle';
import { BookingWayOn, NoBookingNamed } from '../../../../src/components/BookingWayOn';
import { CallButton } from '../../../../src/components/CallButton';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { HistoryTimeline } from '../../../../src/components/HistoryTimeline';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { StatusTag } from '../../../../src/components/StatusTag';
import { deadlineLine, detailRows, placeOf, serviceTitle } from '../../../../src/features/booking/booking-labels';
import { forgetLastBooked } from '../../../../src/features/booking/booking-draft';
import { formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, restartAt, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { confirm, showToast } from '../../../../src/ui/feedback';

/** One booking: status, time, details, what happened so far; cancel or move while allowed. */
export default function BookingDetailPage() {
  const { bookingId = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>预约详情</Text>
      <SignedIn>{() => (bookingId ? <Loaded bookingId={bookingId} /> : <NoBookingNamed />)}</SignedIn>
    </Page>
  );
}

function Loaded({ bookingId }: { bookingId: string }) {
  const state = useRequest(() => bookingApi.detail(bookingId), [bookingId]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void state.run();
    shown.current = true;
  });
  return (
    <RequestView state={state} wayOn={<BookingWayOn />}>
      {(detail) => <Detail detail={detail} reload={() => void state.run()} />}
    </RequestView>
  );
}

function Detail({ detail, reload }: { detail: BookingDetail; reload: () => void }) {
  const { booking, history } = detail;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const now = Date.now();
  // The server says what may be done (the lifecycle table, the resident's relation, the cut-off).
  const canCancel = mayDo(booking, 'cancel');
  const canMove = mayDo(booking, 'reschedule');
  const place = placeOf(booking);

  const cancel = async () => {
    const sure = await confirm({
      title: '取消预约',
      content: `确定取消 ${formatDateTime(booking.startsAt)} 的${serviceTitle(booking.service)}吗？取消后这个时间会让给别人。`,
      confirmText: '取消预约',
      cancelText: '不取消',
      danger: true,
    });
    if (!sure) return;
    setBusy(true);
    setError(null);
    try {
      await bookingApi.cancel(booking.id);
      showToast('已取消');
      reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <View className='card flow-summary'>
        <View className='flow-row'>
          <Text className='flow-card__title'>{serviceTitle(booking.service)}</Text>
          <StatusTag status={booking.status} />
        </View>
        <Text className='text-key'>{formatRange(booking.startsAt, booking.endsAt)}</Text>
        {place ? <Text className='flow-summary__line'>{place}</Text> : null}
        {booking.provider && booking.service !== 'escort' ? <Text className='flow-summary__line'>{booking.provider.name}</Text> : null}
        {booking.provider && booking.service === 'escort' ? <Text className='flow-summary__line'>{`陪诊员：${booking.provider.name}`}</Text> : null}
        {booking.service === 'escort' && booking.status === 'requested' && !booking.provider ? (
          <Text className='flow-summary__line'>正在等待陪诊员接单</Text>
        ) : null}
        {booking.reason ? <Text className='flow-summary__line'>{`原因：${booking.reason}`}</Text> : null}
      </View>

      {booking.provider?.phone && booking.service === 'escort' ? (
        <View className='section'>
          <CallButton who={`陪诊员${booking.provider.name}`} phone={booking.provider.phone} />
        </View>
      ) : null}

      {booking.status === 'requested' || booking.status === 'confirmed' ? (
        <Text className='flow-deadline section'>{deadlineLine(booking.service, booking.cancelDeadline, now)}</Text>
      ) : null}

      <CellGroup title='预约信息'>
        <View className='card'>
          <DetailRows rows={[...detailRows(booking), { label: '联系电话', value: booking.contactPhone }]} />
          {booking.serviceNotes ? <DetailRows rows={[{ label: '服务记录', value: booking.serviceNotes }]} /> : null}
        </View>
      </CellGroup>

      <CellGroup title='进展'>
        <View className='card'>
          <HistoryTimeline history={history} />
        </View>
      </CellGroup>

      {error ? <ErrorNotice error={error} onRetry={() => void cancel()} /> : null}
      {isActiveStatus(booking.status) ? null : <NextSteps booking={booking} />}
      {canMove || canCancel ? (
        <View className='flow-actions'>
          {canMove ? (
            <Button block disabled={busy} onClick={() => goTo(routes.bookingSlots, { bookingId: booking.id })}>
              改期
            </Button>
          ) : null}
          {canCancel ? (
            <Button variant='danger' block loading={busy} onClick={() => void cancel()}>
              取消预约
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/** A booking that is over (cancelled, declined, expired, done): book the service again, or see the rest. */
function NextSteps({ booking }: { booking: BookingDetail['booking'] }) {
  const again = () => {
    forgetLastBooked();
    if (booking.service === 'escort') goTo(routes.bookingForm, { service: 'escort' });
    else goTo(routes.bookingChoose, { service: booking.service });
  };
  return (
    <View className='flow-actions'>
      <Button variant='primary' size='large' onClick={again}>
        {`再约一次${serviceTitle(booking.service)}`}
      </Button>
      <Button block onClick={() => restartAt(routes.myBookings)}>
        查看我的预约
      </Button>
    </View>
  );
}
