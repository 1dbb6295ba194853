import { Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { bookingApi } from '../../../../src/api/booking.api';
import { catalogApi, loadService } from '../../../../src/api/catalog.api';
import type { FreeSlot, ServiceInfo } from '../../../../src/api/views.schema';
import { DraftMissing } from '../../../../src/components/DraftMissing';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { SlotCalendar, type CalendarSlot } from '../../../../src/components/SlotCalendar';
import { readDraft, updateDraft } from '../../../../src/features/booking/booking-draft';
import { addDaysToKey, districtDateKey, formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, replaceWith, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { confirm, showToast } from '../../../../src/ui/feedback';
import { Notice } from '../../../../src/ui/Notice';

/** Days the calendar asks for at once (the catalog allows up to 31). */
const maxDays = 31;

type Loaded = { service: ServiceInfo; providerName: string; providerId: string; currentStartsAt: string | null; currentEndsAt: string | null };

/**
 * A provider's free slots as a calendar. `?providerId=` while booking (the draft holds the rest);
 * `?bookingId=` to move an existing booking to another slot of the same provider.
 */
export default function SlotsPage() {
  const params = usePageParams();
  const bookingId = params.bookingId ?? null;
  const setup = useRequest(async (): Promise<Loaded | null> => {
    if (bookingId) {
      const { booking } = await bookingApi.detail(bookingId);
      if (!booking.provider) return null;
      return {
        service: await loadService(booking.service),
        providerName: booking.provider.name,
        providerId: booking.provider.id,
        currentStartsAt: booking.startsAt,
        currentEndsAt: booking.endsAt,
      };
    }
    const draft = readDraft();
    if (!draft?.provider) return null;
    return { service: draft.serviceInfo, providerName: draft.provider.name, providerId: draft.provider.id, currentStartsAt: null, currentEndsAt: null };
  }, [bookingId]);

  return (
    <Page>
      <Text className='page-title'>{bookingId ? '改到哪个时间' : '选择时间'}</Text>
      <SignedIn>
        {() => <RequestView state={setup}>{(loaded) => (loaded ? <Slots loaded={loaded} bookingId={bookingId} /> : <DraftMissing />)}</RequestView>}
      </SignedIn>
    </Page>
  );
}

function Slots({ loaded, bookingId }: { loaded: Loaded; bookingId: string | null }) {
  const today = useMemo(() => districtDateKey(new Date()), []);
  const dayCount = Math.min(loaded.service.horizonDays + 1, maxDays);
  const days = useMemo(() => Array.from({ length: dayCount }, (_, i) => addDaysToKey(today, i)), [today, dayCount]);
  const slots = useRequest(() => catalogApi.slots(loaded.providerId, today, dayCount), [loaded.providerId, today, dayCount]);
  const [chosen, setChosen] = useState<CalendarSlot | null>(() => (bookingId ? null : readDraft()?.slot ?? null));
  const [taken, setTaken] = useState<string | null>(() => (bookingId ? null : readDraft()?.takenStartsAt ?? null));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // Back from a confirmation whose time was taken meanwhile: the list must be today's, not the one
  // shown before, and the taken time neither chosen nor offered.
  useShownAgain(() => {
    if (!bookingId) {
      const draft = readDraft();
      setChosen(draft?.slot ?? null);
      setTaken(draft?.takenStartsAt ?? null);
    }
    void slots.run();
  });
  // A chosen time the fresh list no longer has (taken by someone else) is no longer chosen.
  useEffect(() => {
    if (chosen && slots.data && !slots.data.slots.some((slot) => slot.startsAt === chosen.startsAt && slot.startsAt !== taken)) setChosen(null);
  }, [slots.data, chosen, taken]);

  const toCalendar = (list: FreeSlot[]): CalendarSlot[] =>
    list
      .filter((slot) => slot.startsAt !== loaded.currentStartsAt && slot.startsAt !== taken)
      .map((slot) => ({ startsAt: slot.startsAt, endsAt: slot.endsAt, remaining: slot.remaining }));

  const next = async () => {
    if (!chosen) {
      showToast('请先选一个时间');
      return;
    }
    if (!bookingId) {
      updateDraft({ slot: { startsAt: chosen.startsAt, endsAt: chosen.endsAt, remaining: chosen.remaining }, takenStartsAt: null });
      goTo(routes.bookingForm);
      return;
    }
    const sure = await confirm({ title: '确认改期', content: `改到 ${formatDateTime(chosen.startsAt)}？原来的时间会让给别人。`, confirmText: '改期' });
    if (!sure) return;
    setSaving(true);
    setError(null);
    try {
      await bookingApi.reschedule(bookingId, chosen.startsAt);
      showToast('已改期');
      replaceWith(routes.bookingDetail, { bookingId });
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError);
      // Someone else took the seat meanwhile: show what is still free.
      if (apiError.code === 'SLOT_FULL') {
        setChosen(null);
        void slots.run();
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <Text className='page-subtitle'>{`${loaded.providerName} · 每次 ${loaded.service.durationMinutes} 分钟`}</Text>
      {loaded.currentStartsAt ? <Text className='page-subtitle'>{`现在约的是：${formatRange(loaded.currentStartsAt, loaded.currentEndsAt ?? loaded.currentStartsAt)}`}</Text> : null}
      {taken ? (
        <Notice tone='info'>
          <Text className='ui-notice__message'>{`您刚才选的 ${formatDateTime(taken)} 已经被约满了，请换一个时间。`}</Text>
        </Notice>
      ) : null}
      <RequestView state={slots} loadingText='正在查可约的时间…'>
        {(data) => (
          <View className='card'>
            <SlotCalendar
              days={days}
              slots={toCalendar(data.slots)}
              todayKey={today}
              selected={chosen?.startsAt ?? null}
              initialDay={chosen ? null : districtDateKey(loaded.currentStartsAt ?? taken ?? '')}
              onSelect={setChosen}
            />
          </View>
        )}
      </RequestView>
      {/* The main button below tries again; a second big 重试 would only confuse. */}
      {error ? <ErrorNotice error={error} /> : null}
      <View className='main-action'>
        {chosen ? <Text className='flow-deadline'>{`已选：${formatRange(chosen.startsAt, chosen.endsAt)}`}</Text> : null}
        <View className='section'>
          <Button variant='primary' size='large' disabled={!chosen} loading={saving} onClick={() => void next()}>
            {bookingId ? '改到这个时间' : '下一步：填写信息'}
          </Button>
        </View>
      </View>
    </View>
  );
}
