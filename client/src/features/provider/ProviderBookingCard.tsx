import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/api-error';
import { providerApi } from '../../api/provider.api';
import { mayDo, type BookingView } from '../../api/views.schema';
import { BookingCard } from '../../components/BookingCard';
import { DetailRows } from '../../components/DetailRows';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReasonForm } from '../../components/ReasonForm';
import { goTo, routes } from '../../navigation/routes';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/feedback';
import { jobDetailRows } from './job-details';
import { ServedPerson } from './ServedPerson';

type Props = {
  booking: BookingView;
  /** Called after the booking changed, so the list reloads. */
  onChanged: () => void;
};

/** A request in the provider's inbox: what is asked, and accept / decline with a reason. */
export function ProviderBookingCard({ booking, onChanged }: Props) {
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await providerApi.accept(booking.id);
      showToast('已接受，已通知居民');
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const decline = async (reason: string) => {
    setError(null);
    try {
      await providerApi.decline(booking.id, reason);
      showToast('已拒绝，已告诉居民原因');
      setDeclining(false);
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <BookingCard booking={booking} viewer='provider' onOpen={() => goTo(routes.providerCase, { bookingId: booking.id })}>
      <ServedPerson booking={booking} />
      <DetailRows rows={jobDetailRows(booking)} />
      {error ? <ErrorNotice error={error} onRetry={() => void accept()} /> : null}
      {booking.status === 'requested' && booking.service === 'escort' && !booking.provider ? (
        <Text className='provider-note'>等待陪诊员在“陪诊接单”中认领</Text>
      ) : null}
      {/* What the server lets this caller do now: an escort request nobody took is claimed or assigned, not accepted. */}
      {(mayDo(booking, 'accept') || mayDo(booking, 'decline')) && !declining ? (
        <View className='card-actions'>
          {mayDo(booking, 'decline') ? (
            <Button block disabled={busy} onClick={() => setDeclining(true)}>
              拒绝
            </Button>
          ) : null}
          {mayDo(booking, 'accept') ? (
            <Button variant='primary' block loading={busy} onClick={() => void accept()}>
              接受
            </Button>
          ) : null}
        </View>
      ) : null}
      {declining ? (
        <ReasonForm label='拒绝原因' placeholder='例如 这个时间要外出上门，请改约明天' confirmText='确认拒绝' onConfirm={decline} onCancel={() => setDeclining(false)} />
      ) : null}
    </BookingCard>
  );
}
