import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { bookingApi } from '../../../../src/api/booking.api';
import { providerApi } from '../../../../src/api/provider.api';
import { mayDo, type BookingDetail } from '../../../../src/api/views.schema';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { HistoryTimeline } from '../../../../src/components/HistoryTimeline';
import { Page } from '../../../../src/components/Page';
import { ReasonForm } from '../../../../src/components/ReasonForm';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { StatusTag } from '../../../../src/components/StatusTag';
import { placeOf, serviceTitle } from '../../../../src/features/booking/booking-labels';
import { jobDetailRows } from '../../../../src/features/provider/job-details';
import { ServedPerson } from '../../../../src/features/provider/ServedPerson';
import { forbiddenText, providerPageRoles } from '../../../../src/features/provider/provider-roles';
import { formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { confirm, showToast } from '../../../../src/ui/feedback';
import { Field } from '../../../../src/ui/Field';

const notesLimit = 1000;

/** One case for the provider: accept or decline a request; complete, no-show or cancel a confirmed one. */
export default function ProviderCasePage() {
  const { bookingId = '' } = usePageParams();
  const state = useRequest(() => bookingApi.detail(bookingId), [bookingId]);
  return (
    <Page>
      <SignedIn roles={providerPageRoles} forbiddenText={forbiddenText}>
        {() => <RequestView state={state}>{(detail) => <Case detail={detail} reload={() => void state.run()} />}</RequestView>}
      </SignedIn>
    </Page>
  );
}

type Mode = 'idle' | 'decline' | 'cancel';

function Case({ detail, reload }: { detail: BookingDetail; reload: () => void }) {
  const { booking, history } = detail;
  const [mode, setMode] = useState<Mode>('idle');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const started = Date.now() >= Date.parse(booking.startsAt);
  // The buttons are what the server says this caller may do now (allowedActions): staff, say, may
  // mark a no-show but not record a service, and nobody "accepts" an escort request nobody took.
  const offersNoShow = mayDo(booking, 'no_show');
  const offersCancel = mayDo(booking, 'cancel');

  const act = async (label: string, action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      showToast(label);
      setMode('idle');
      reload();
    } catch (caught) {
      setError(toApiError(caught));
      setRetry(() => () => void act(label, action));
      throw caught;
    } finally {
      setBusy(false);
    }
  };
  const run = (label: string, action: () => Promise<unknown>) => void act(label, action).catch(() => undefined);

  const noShow = async () => {
    const sure = await confirm({ title: '标记爽约', content: '对方没有来，也没有提前取消？标记后不能改回。', confirmText: '标记爽约', danger: true });
    if (sure) run('已标记爽约', () => providerApi.noShow(booking.id));
  };

  return (
    <View>
      <View className='card'>
        <View className='flow-row'>
          <Text className='flow-card__title'>{serviceTitle(booking.service)}</Text>
          <StatusTag status={booking.status} />
        </View>
        <Text className='text-key'>{formatRange(booking.startsAt, booking.endsAt)}</Text>
        {placeOf(booking) ? <Text className='provider-note'>{placeOf(booking)}</Text> : null}
        <ServedPerson booking={booking} />
        <DetailRows rows={jobDetailRows(booking)} />
        {booking.serviceNotes ? <DetailRows rows={[{ label: '服务记录', value: booking.serviceNotes }]} /> : null}
      </View>

      {error ? <ErrorNotice error={error} onRetry={retry ?? undefined} /> : null}

      {(mayDo(booking, 'accept') || mayDo(booking, 'decline')) && mode === 'idle' ? (
        <View className='flow-actions'>
          {mayDo(booking, 'accept') ? (
            <Button variant='primary' size='large' loading={busy} onClick={() => run('已接受，已通知居民', () => providerApi.accept(booking.id))}>
              接受预约
            </Button>
          ) : null}
          {mayDo(booking, 'decline') ? (
            <Button block disabled={busy} onClick={() => setMode('decline')}>
              拒绝
            </Button>
          ) : null}
        </View>
      ) : null}
      {mode === 'decline' ? (
        <ReasonForm label='拒绝原因' confirmText='确认拒绝' onCancel={() => setMode('idle')}
          onConfirm={(reason) => act('已拒绝', () => providerApi.decline(booking.id, reason)).catch(() => undefined)} />
      ) : null}

      {booking.status === 'confirmed' && !started ? (
        <Text className='provider-note'>预约开始后，可以在这里记录服务完成或对方没来。</Text>
      ) : null}
      {mayDo(booking, 'complete') && mode === 'idle' ? (
        <View>
          <CellGroup title='服务记录'>
            <Field label='做了什么' multiline value={notes} maxLength={notesLimit} hint={`选填，最多 ${notesLimit} 字`}
              placeholder={booking.service === 'counseling' ? '只有您和居民能看到' : '例如 讲解了适老化改造补贴申请'} onChange={setNotes} />
          </CellGroup>
          <View className='flow-actions'>
            <Button variant='primary' size='large' loading={busy}
              onClick={() => run('已完成', () => providerApi.complete(booking.id, notes.trim() || undefined))}>
              服务完成
            </Button>
          </View>
        </View>
      ) : null}

      <CellGroup title='进展'>
        <View className='card'>
          <HistoryTimeline history={history} />
        </View>
      </CellGroup>

      {/* What ends a job (cancel, no-show) stays away from the main action: after the history, plain until chosen. */}
      {booking.status === 'confirmed' && (offersNoShow || offersCancel) ? (
        <View className='provider-apart'>
          <Text className='provider-note'>
            {offersNoShow
              ? '对方没有来，也没有提前取消，可以记为爽约。'
              : booking.service === 'escort'
                ? '去不了？请先联系街道工作人员改派。实在需要取消，居民会收到通知。'
                : '不能按时服务？取消后居民会收到通知和原因。'}
          </Text>
          {mode === 'cancel' ? (
            <ReasonForm label='取消原因' confirmText='确认取消' onCancel={() => setMode('idle')}
              onConfirm={(reason) => act('已取消，已通知居民', () => providerApi.cancel(booking.id, reason)).catch(() => undefined)} />
          ) : offersNoShow ? (
            <Button block disabled={busy} onClick={() => void noShow()}>
              对方没来（爽约）
            </Button>
          ) : (
            <Button block disabled={busy} onClick={() => setMode('cancel')}>
              取消这个预约
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}
