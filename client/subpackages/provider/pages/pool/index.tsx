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
import { placeOf } from '../../../../src/features/booking/booking-labels';
import { askSubscribeConsent, subscribeTemplateIds } from '../../../../src/features/booking/subscribe-consent';
import { jobDetailRows } from '../../../../src/features/provider/job-details';
import { escortPoolRoles } from '../../../../src/features/provider/provider-roles';
import { runtimeConfig } from '../../../../src/config/runtime-config';
import { formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { showToast } from '../../../../src/ui/feedback';

/**
 * Escort requests nobody has taken yet (contact data masked until claimed); the first to claim gets
 * it. A claim is a promise to go: it is confirmed on the card before it is made.
 */
export default function EscortPoolPage() {
  return (
    <Page>
      <Text className='page-title'>陪诊接单</Text>
      <SignedIn roles={escortPoolRoles} forbiddenText='这里是陪诊员接单的地方。您的账号不是陪诊员。'>
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
      {runtimeConfig.platform === 'weapp' && subscribeTemplateIds.length > 0 ? (
        // WeChat only asks during a tap; each yes allows one message about the next new request.
        <View className='card-actions'>
          <Button block onClick={() => void askSubscribeConsent()}>
            有新请求时微信提醒我
          </Button>
        </View>
      ) : null}
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
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const place = placeOf(booking) ?? '医院';
  const claim = async () => {
    // First thing in the tap: WeChat shows its dialog only then. The next new request can reach them.
    void askSubscribeConsent();
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
      setConfirming(false);
      // Someone else was quicker: the list is stale.
      if (apiError.code === 'CONFLICT') onGone();
    } finally {
      setBusy(false);
    }
  };
  return (
    // Before the claim the person is nobody's business: the card says what the job is, not who.
    <BookingCard booking={booking} viewer='provider'>
      <DetailRows rows={jobDetailRows(booking)} />
      {error ? <ErrorNotice error={error} onRetry={() => setConfirming(true)} /> : null}
      {confirming ? (
        <View className='claim-confirm'>
          <Text className='claim-confirm__title'>确认接下这个陪诊？</Text>
          <Text className='claim-confirm__text'>{`${formatRange(booking.startsAt, booking.endsAt)}，${place}。接单后请按时接送；去不了时请尽早联系街道工作人员改派。`}</Text>
          <View className='card-actions'>
            <Button block disabled={busy} onClick={() => setConfirming(false)}>
              先不接
            </Button>
            <Button variant='primary' block loading={busy} onClick={() => void claim()}>
              确认接单
            </Button>
          </View>
        </View>
      ) : (
        <View className='card-actions'>
          <Button variant='primary' block accessibleLabel={`接单：${place}`} onClick={() => setConfirming(true)}>
            接单
          </Button>
        </View>
      )}
    </BookingCard>
  );
}
