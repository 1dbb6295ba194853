import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { bookingApi } from '../../../../src/api/booking.api';
import type { BookingDetail } from '../../../../src/api/views.schema';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { HistoryTimeline } from '../../../../src/components/HistoryTimeline';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { StatusTag } from '../../../../src/components/StatusTag';
import { detailRows, placeOf, serviceTitle } from '../../../../src/features/booking/booking-labels';
import { formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { confirm, showToast } from '../../../../src/ui/feedback';

/** One booking: status, time, details, what happened so far; cancel or move while allowed. */
export default function BookingDetailPage() {
  const { bookingId = '' } = usePageParams();
  const state = useRequest(() => bookingApi.detail(bookingId), [bookingId]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void state.run();
    shown.current = true;
  });
  return (
    <Page>
      <SignedIn>{() => <RequestView state={state}>{(detail) => <Detail detail={detail} reload={() => void state.run()} />}</RequestView>}</SignedIn>
    </Page>
  );
}

function Detail({ detail, reload }: { detail: BookingDetail; reload: () => void }) {
  const { booking, history } = detail;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const now = Date.now();
  const beforeCutoff = now < Date.parse(booking.cancelDeadline);
  // A request nobody accepted yet may be withdrawn any time; a confirmed one until the cut-off.
  const canCancel = booking.status === 'requested' || (booking.status === 'confirmed' && beforeCutoff);
  const canMove = (booking.status === 'requested' || booking.status === 'confirmed') && beforeCutoff && booking.provider !== null && booking.service !== 'escort';
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
        {booking.reason ? <Text className='flow-summary__line'>{`原因：${booking.reason}`}</Text> : null}
      </View>

      {booking.status === 'requested' || booking.status === 'confirmed' ? (
        <Text className='flow-deadline section'>
          {beforeCutoff ? `${formatDateTime(booking.cancelDeadline)} 前可以取消或改期` : '已过取消和改期的时间，有变动请直接联系服务人员'}
        </Text>
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
