import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  advisorTopicLabels,
  advisorVisitModeLabels,
  counselingFormatLabels,
  counselingTopicLabels,
  type ServiceKind,
} from '../../../../../shared/domain/service-kinds';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { ApiError } from '../../../../src/api/api-error';
import { loadService } from '../../../../src/api/catalog.api';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { DraftMissing } from '../../../../src/components/DraftMissing';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import {
  bookingFieldLimits as limits,
  emptyBookingForm,
  limitHint,
  validateBookingForm,
  type BookingFormField,
  type BookingFormState,
} from '../../../../src/features/booking/booking-form';
import { lastBooked, readDraft, startDraft, updateDraft, type BookingDraft } from '../../../../src/features/booking/booking-draft';
import { serviceTitle } from '../../../../src/features/booking/booking-labels';
import { readFamilyMembers } from '../../../../src/features/booking/family-members';
import { formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';
import { Notice } from '../../../../src/ui/Notice';
import { scrollToFirstError } from '../../../../src/ui/scroll';
import { EscortExtras, EscortFee, EscortWhen, EscortWhere, stillOffered } from './escort-sections';
import { ProxyElderSection } from './proxy-elder-section';
import { WhoForSection } from './who-for-section';

/**
 * The form for the chosen service. Advisor and counseling arrive with a provider and a slot; an
 * escort request starts here (`?service=escort`) and names the hospital appointment time itself.
 * Who it is for comes first; what is typed is kept in the draft, so a reload loses nothing.
 */
export default function BookingFormPage() {
  const params = usePageParams();
  return (
    <Page>
      <SignedIn>{(user) => <DraftLoader user={user} service={params.service as ServiceKind | undefined} proxy={params.proxy === '1'} />}</SignedIn>
    </Page>
  );
}

function DraftLoader({ user, service, proxy }: { user: PublicUser; service: ServiceKind | undefined; proxy: boolean }) {
  const [again, setAgain] = useState(0);
  // An escort request has no earlier step: a fresh draft starts here, unless one was just made
  // from this page (then the browser's back must not look like a new, empty request).
  const state = useRequest(async (): Promise<BookingDraft | null> => {
    const existing = readDraft();
    if (service === 'escort' && (!existing || existing.service !== 'escort' || existing.provider !== null || (existing.proxy === true) !== proxy)) {
      if (!existing && again === 0 && lastBooked()?.service === 'escort') return null;
      return startDraft(await loadService('escort'), null, { proxy });
    }
    return existing;
  }, [service, again, proxy]);
  return (
    <RequestView state={state}>
      {(draft) =>
        draft ? <BookingForm user={user} draft={draft} /> : <DraftMissing onStartAgain={service === 'escort' ? () => setAgain((n) => n + 1) : undefined} />
      }
    </RequestView>
  );
}

type Errors = Partial<Record<BookingFormField, string>>;

function initialForm(user: PublicUser, draft: BookingDraft): BookingFormState {
  if (draft.form) return draft.form;
  // 代办: the elder's details come from the window or the phone, none from the staff member's profile.
  if (draft.proxy) return { ...emptyBookingForm(''), forWhom: 'proxy', elderCommunityId: '' };
  // The profile's address is where most people are picked up or visited.
  const address = user.address ?? '';
  return { ...emptyBookingForm(user.phone ?? ''), pickupAddress: address, address };
}

function BookingForm({ user, draft }: { user: PublicUser; draft: BookingDraft }) {
  const isEscort = draft.service === 'escort';
  const [form, setForm] = useState<BookingFormState>(() => initialForm(user, draft));
  const [slot, setSlot] = useState(() => (isEscort ? stillOffered(draft.slot, draft.serviceInfo) : draft.slot));
  const [taken, setTaken] = useState(draft.takenStartsAt ?? null);
  const [errors, setErrors] = useState<Errors>({});
  const [family] = useState(readFamilyMembers);

  // Every change is kept at once: a reload or a look elsewhere finds the form as it was left.
  useEffect(() => {
    updateDraft({ form, slot });
  }, [form, slot]);
  // Back from a confirmation whose day was full: that time is no longer chosen.
  useShownAgain(() => {
    const latest = readDraft();
    if (latest && latest.slot === null && latest.takenStartsAt) {
      setSlot(null);
      setTaken(latest.takenStartsAt);
    }
  });

  const patch = (changes: Partial<BookingFormState>) => {
    setForm((previous) => ({ ...previous, ...changes }));
    setErrors((previous) => ({ ...previous, ...Object.fromEntries(Object.keys(changes).map((key) => [key, undefined])) }));
  };
  const chooseTime = (next: BookingDraft['slot']) => {
    setSlot(next);
    setErrors((previous) => ({ ...previous, startsAt: undefined }));
  };

  const problems = Object.values(errors).filter(Boolean).length;
  const next = () => {
    const found = validateBookingForm(draft.service, form, slot?.startsAt ?? null);
    const shownErrors = Object.fromEntries(Object.entries(found).filter(([, message]) => message)) as Errors;
    setErrors(shownErrors);
    if (Object.keys(shownErrors).length > 0) {
      // No toast over the messages: bring the first field at fault into view, after React drew them.
      setTimeout(scrollToFirstError, 50);
      return;
    }
    updateDraft({ form, slot, takenStartsAt: null });
    goTo(routes.bookingConfirm);
  };

  const step = (n: number, text: string) => `${n}. ${text}`;
  return (
    <View>
      <Text className='page-title'>{draft.proxy ? `代办：预约${serviceTitle(draft.service)}` : `预约${serviceTitle(draft.service)}`}</Text>
      {!isEscort && slot ? (
        <View className='card flow-summary'>
          <Text className='flow-summary__line'>{draft.provider ? `${draft.provider.name} · ${draft.provider.venue}` : ''}</Text>
          <Text className='text-key'>{formatRange(slot.startsAt, slot.endsAt)}</Text>
        </View>
      ) : null}
      {!isEscort && !slot ? <ErrorNotice error={missingSlotError} /> : null}
      {taken && isEscort && !slot ? (
        <Notice tone='info'>
          <Text className='ui-notice__message'>{`${formatDateTime(taken)} 那天街道的陪诊名额已经满了，请换一个日子。`}</Text>
        </Notice>
      ) : null}

      {draft.proxy ? (
        <ProxyElderSection title={step(1, '为哪位老人代办')} form={form} errors={errors} patch={patch} />
      ) : (
        <WhoForSection title={step(1, '为谁预约')} form={form} errors={errors} family={family} patch={patch} />
      )}

      {isEscort ? (
        <>
          <EscortWhen title={step(2, '就诊时间（医院预约的时间）')} service={draft.serviceInfo} slot={slot} onSelect={chooseTime} error={errors.startsAt} />
          <EscortWhere title={step(3, '看病信息')} user={user} form={form} errors={errors} patch={patch} />
          <EscortFee title={step(4, '费用')} form={form} errors={errors} patch={patch} />
          <EscortExtras title={step(5, '其他需要（选填）')} form={form} errors={errors} patch={patch} />
        </>
      ) : null}

      {draft.service === 'advisor' ? (
        <CellGroup title={step(2, '咨询什么')}>
          <ChoiceGroup label='咨询内容' options={optionsOf(advisorTopicLabels)} value={form.topic} error={errors.topic} onChange={(v) => patch({ topic: v })} />
          <ChoiceGroup label='方式' options={optionsOf(advisorVisitModeLabels)} value={form.mode} error={errors.mode} onChange={(v) => patch({ mode: v })} />
          {form.mode === 'home_visit' ? (
            <Field label='上门地址' multiline value={form.address} required maxLength={limits.advisorAddress} hint={limitHint(limits.advisorAddress, true)}
              placeholder='小区、楼栋、门牌号' error={errors.address} onChange={(v) => patch({ address: v })} />
          ) : null}
          <Field label='补充说明' multiline value={form.note} maxLength={limits.advisorNote} hint={limitHint(limits.advisorNote, false)}
            placeholder='想先让顾问知道的情况' error={errors.note} onChange={(v) => patch({ note: v })} />
        </CellGroup>
      ) : null}

      {draft.service === 'counseling' ? (
        <CellGroup title={step(2, '辅导内容（严格保密，只有您和辅导师能看到）')}>
          <ChoiceGroup label='形式' options={optionsOf(counselingFormatLabels)} value={form.format} error={errors.format} onChange={(v) => patch({ format: v })} />
          <ChoiceGroup label='辅导内容' options={optionsOf(counselingTopicLabels)} value={form.topic} error={errors.topic} onChange={(v) => patch({ topic: v })} />
          <Field label='补充说明' multiline value={form.note} maxLength={limits.counselingNote} hint={limitHint(limits.counselingNote, false)}
            placeholder='想先让辅导师知道的情况' error={errors.note} onChange={(v) => patch({ note: v })} />
        </CellGroup>
      ) : null}

      {errors.form ? <Text className='flow-error'>{errors.form}</Text> : null}
      <View className='main-action'>
        {problems > 0 ? <Text className='flow-error'>{`还有 ${problems} 项要填写或修改，已在上面标红`}</Text> : null}
        <View className='section'>
          <Button variant='primary' size='large' onClick={next}>
            下一步：核对信息
          </Button>
        </View>
      </View>
    </View>
  );
}

const missingSlotError = new ApiError('NOT_FOUND', { message: '还没有选择时间，请返回上一步选择。' });
