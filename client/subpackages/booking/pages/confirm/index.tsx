import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { isRetryable, toApiError, type ApiError } from '../../../../src/api/api-error';
import { bookingApi } from '../../../../src/api/booking.api';
import { staffApi } from '../../../../src/api/staff.api';
import { DetailRows } from '../../../../src/components/DetailRows';
import { DraftMissing } from '../../../../src/components/DraftMissing';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { SignedIn } from '../../../../src/components/SignedIn';
import { buildBookForInput, buildCreateInput, cancelDeadlineOf, fieldErrorsFromPaths } from '../../../../src/features/booking/booking-form';
import { finishDraft, markSlotTaken, newRequestId, readDraft, requestIdForDraft, type BookingDraft } from '../../../../src/features/booking/booking-draft';
import { deadlineLine, detailRows, serviceTitle } from '../../../../src/features/booking/booking-labels';
import { saveFamilyMember } from '../../../../src/features/booking/family-members';
import { askSubscribeConsent } from '../../../../src/features/booking/subscribe-consent';
import { formatRange } from '../../../../src/format/date-time';
import { backTo, finishFlowAt, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Notice } from '../../../../src/ui/Notice';

/** Everything about to be booked, the cancellation cut-off, and the one button that books. */
export default function ConfirmBookingPage() {
  const [draft] = useState(readDraft);
  return (
    <Page>
      <Text className='page-title'>核对预约信息</Text>
      <SignedIn>{() => (draft?.slot && draft.form ? <Confirm draft={draft} /> : <DraftMissing />)}</SignedIn>
    </Page>
  );
}

function Confirm({ draft }: { draft: BookingDraft }) {
  const slot = draft.slot!;
  const form = draft.form!;
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const preview = buildCreateInput({ service: draft.service, providerId: draft.provider?.id ?? null, startsAt: slot.startsAt, form, requestId: 'preview-only' });
  const rows = detailRows({
    details: preview.details as Record<string, unknown> & { kind: typeof draft.service },
    forFamily: preview.forFamily ?? null,
    // A claimed group is free once the 街道 verified it: the preview says it waits for that.
    freeOfCharge: false,
    eligibilityCheck: draft.service === 'escort' && form.eligibility !== 'none' ? { status: 'pending', statusLabel: '待核实', reason: null } : null,
  });
  const deadline = cancelDeadlineOf(slot.startsAt, draft.serviceInfo.cancelCutoffMinutes);
  const isEscort = draft.service === 'escort';
  // The time (or, for an escort, the 街道's places that day) went while confirming.
  const slotTaken = error?.code === 'SLOT_FULL' || (isEscort && error?.code === 'CAPACITY_REACHED');

  const book = async () => {
    // WeChat shows the consent dialog only from inside the tap: ask before anything is awaited.
    const consent = askSubscribeConsent();
    setSending(true);
    setError(null);
    try {
      await consent;
      // The same id on every retry of this attempt: a reply lost on the way never books twice.
      const requestId = requestIdForDraft() ?? newRequestId();
      const attempt = { service: draft.service, providerId: draft.provider?.id ?? null, startsAt: slot.startsAt, form, requestId };
      if (draft.proxy) {
        // 代办: the staff member is the booker of record; the booking opens on the workbench.
        const made = await staffApi.bookFor(buildBookForInput(attempt));
        finishDraft(made.id, draft.service);
        await finishFlowAt(routes.staffBooking, { bookingId: made.id });
        return;
      }
      const booking = await bookingApi.create(buildCreateInput(attempt));
      if (form.forWhom === 'family' && form.familyRelationship) {
        saveFamilyMember({ name: form.familyName.trim(), phone: form.familyPhone.trim(), relationship: form.familyRelationship });
      }
      finishDraft(booking.id, draft.service);
      // Back from the result goes home, not into the finished form.
      await finishFlowAt(routes.bookingResult, { bookingId: booking.id });
    } catch (caught) {
      const apiError = toApiError(caught);
      // The time list must not offer it again when the resident goes back to choose another.
      if (apiError.code === 'SLOT_FULL' || apiError.code === 'CAPACITY_REACHED') markSlotTaken(slot.startsAt);
      setError(apiError);
    } finally {
      setSending(false);
    }
  };

  const chooseAnother = () => {
    if (isEscort) backTo(routes.bookingForm, { service: 'escort' });
    else backTo(routes.bookingSlots, { providerId: draft.provider?.id });
  };

  const fieldProblems = error?.code === 'VALIDATION_FAILED' ? Object.values(fieldErrorsFromPaths(error.fieldErrors())) : [];

  return (
    <View>
      <View className='card flow-summary'>
        <Text className='flow-card__title'>{serviceTitle(draft.service)}</Text>
        {draft.provider ? <Text className='flow-summary__line'>{`${draft.provider.name} · ${draft.provider.venue}`}</Text> : null}
        <Text className='text-key'>{formatRange(slot.startsAt, slot.endsAt)}</Text>
      </View>
      <View className='card section'>
        <DetailRows
          rows={
            draft.proxy
              ? [{ label: '代办对象', value: `${form.familyName.trim()} · ${form.familyPhone.trim()}` }, ...rows, { label: '联系电话', value: form.contactPhone.trim() || form.familyPhone.trim() }]
              : [...rows, { label: '联系电话', value: form.contactPhone }]
          }
        />
      </View>
      <Notice tone='info'>
        <Text className='flow-deadline'>{deadlineLine(draft.service, deadline)}</Text>
        <Text className='ui-notice__message'>
          {isEscort
            ? '提交后由街道安排陪诊员，有陪诊员接单后会通知您。'
            : `提交后需要${draft.provider?.name ?? '服务人员'}确认，确认后会通知您。`}
        </Text>
      </Notice>
      {/* No 重试 in the notice: the one main button below sends it again. */}
      {error ? <ErrorNotice error={error} /> : null}
      {fieldProblems.length > 0 ? <Text className='flow-error'>{fieldProblems.join('；')}</Text> : null}
      <View className='main-action'>
        {slotTaken ? (
          <Button variant='primary' size='large' onClick={chooseAnother}>
            {isEscort ? '换一个时间或日期' : '换一个时间'}
          </Button>
        ) : (
          <Button variant='primary' size='large' loading={sending} onClick={() => void book()}>
            {error && isRetryable(error) ? '再试一次：确认预约' : '确认预约'}
          </Button>
        )}
      </View>
    </View>
  );
}
