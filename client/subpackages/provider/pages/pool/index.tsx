import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { providerApi } from '../../../../src/api/provider.api';
import type { BookingView } from '../../../../src/api/views.schema';
import { BookingCard } from '../../../../src/components/BookingCard';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { detailRows } from '../../../../src/features/booking/booking-labels';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { showToast } from '../../../../src/ui/feedback';

/** Escort requests nobody has taken yet (contact data masked until claimed); the first to claim gets it. */
export default function EscortPoolPage() {
  return (
    <Page>
      <Text className='page-title'>陪诊接单</Text>
      <SignedIn roles={['escort', 'staff']} forbiddenText='这里是陪诊员接单的地方。您的账号不是陪诊员。'>
        {() => <Pool />}
      </SignedIn>
    </Page>
  );
}

function Pool() {
  const state = useRequest(() => providerApi.pool(), []);
  return (
    <View>
      <Text className='page-subtitle'>困难群体（低保、特困等）排在前面。接单后可以看到完整地址和电话。</Text>
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description='现在没有待接的陪诊请求' />
          ) : (
            <View className='provider-list'>
              {data.items.map((booking) => (
                <PoolItem key={booking.id} booking={booking} onGone={() => void state.run()} />
              ))}
            </View>
          )
        }
      </RequestView>
    </View>
  );
}

function PoolItem({ booking, onGone }: { booking: BookingView; onGone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const claim = async () => {
    setBusy(true);
    setError(null);
    try {
      const claimed = await providerApi.claim(booking.id);
      showToast('接单成功');
      goTo(routes.providerCase, { bookingId: claimed.id });
      onGone();
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError);
      // Someone else was quicker: the list is stale.
      if (apiError.code === 'CONFLICT') onGone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <BookingCard booking={booking}>
      <DetailRows rows={detailRows(booking)} />
      {error ? <ErrorNotice error={error} onRetry={() => void claim()} /> : null}
      <View className='card-actions'>
        <Button variant='primary' block loading={busy} accessibleLabel={`接单：${String(booking.details.hospital ?? '陪诊')}`} onClick={() => void claim()}>
          接单
        </Button>
      </View>
    </BookingCard>
  );
}
