import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import {
  advisorTopicLabels,
  advisorVisitModeLabels,
  counselingFormatLabels,
  counselingTopicLabels,
  escortEligibilityLabels,
  familyRelationLabels,
  type ServiceKind,
} from '../../../../../shared/domain/service-kinds';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { ApiError } from '../../../../src/api/api-error';
import { catalogApi, loadService } from '../../../../src/api/catalog.api';
import type { Street } from '../../../../src/api/views.schema';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { DraftMissing } from '../../../../src/components/DraftMissing';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { SlotCalendar } from '../../../../src/components/SlotCalendar';
import {
  bookingFieldLimits as limits,
  emptyBookingForm,
  limitHint,
  mobilityAidLabels,
  validateBookingForm,
  type BookingFormField,
  type BookingFormState,
  type MobilityAid,
} from '../../../../src/features/booking/booking-form';
import { readDraft, startDraft, updateDraft, type BookingDraft } from '../../../../src/features/booking/booking-draft';
import { serviceTitle } from '../../../../src/features/booking/booking-labels';
import { escortDays, escortTimes } from '../../../../src/features/booking/escort-times';
import { readFamilyMembers } from '../../../../src/features/booking/family-members';
import { districtDateKey, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { ChoiceButton } from '../../../../src/ui/ChoiceButton';
import { showToast } from '../../../../src/ui/feedback';
import { Field } from '../../../../src/ui/Field';

/**
 * The form for the chosen service. Advisor and counseling arrive with a provider and a slot; an
 * escort request starts here (`?service=escort`) and names the hospital appointment time itself.
 */
export default function BookingFormPage() {
  const params = usePageParams();
  return (
    <Page>
      <SignedIn>{(user) => <DraftLoader user={user} service={params.service as ServiceKind | undefined} />}</SignedIn>
    </Page>
  );
}

function DraftLoader({ user, service }: { user: PublicUser; service: ServiceKind | undefined }) {
  // An escort request has no earlier step: a fresh draft starts here.
  const state = useRequest(async (): Promise<BookingDraft | null> => {
    const existing = readDraft();
    if (service === 'escort' && (!existing || existing.service !== 'escort' || existing.provider !== null)) {
      return startDraft(await loadService('escort'), null);
    }
    return existing;
  }, [service]);
  return <RequestView state={state}>{(draft) => (draft ? <BookingForm user={user} draft={draft} /> : <DraftMissing />)}</RequestView>;
}

type Errors = Partial<Record<BookingFormField, string>>;

function BookingForm({ user, draft }: { user: PublicUser; draft: BookingDraft }) {
  const [form, setForm] = useState<BookingFormState>(() => draft.form ?? emptyBookingForm(user.phone ?? ''));
  const [slot, setSlot] = useState(draft.slot);
  const [errors, setErrors] = useState<Errors>({});
  const [family] = useState(readFamilyMembers);
  const isEscort = draft.service === 'escort';

  const set = <K extends keyof BookingFormState>(key: K, value: BookingFormState[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined }));
  };

  const next = () => {
    const found = validateBookingForm(draft.service, form, slot?.startsAt ?? null);
    const shown = Object.fromEntries(Object.entries(found).filter(([, message]) => message)) as Errors;
    setErrors(shown);
    if (Object.keys(shown).length > 0) {
      showToast('有几项需要改一下，请看标红的提示');
      // Bring the first problem into view (after React has drawn the messages).
      setTimeout(() => void Taro.pageScrollTo({ selector: '.has-error', offsetTop: -96, duration: 200 }).catch(() => undefined), 50);
      return;
    }
    updateDraft({ form, slot });
    goTo(routes.bookingConfirm);
  };

  return (
    <View>
      <Text className='page-title'>{`预约${serviceTitle(draft.service)}`}</Text>
      {!isEscort && slot ? (
        <View className='card flow-summary'>
          <Text className='flow-summary__line'>{draft.provider ? `${draft.provider.name} · ${draft.provider.venue}` : ''}</Text>
          <Text className='text-key'>{formatRange(slot.startsAt, slot.endsAt)}</Text>
        </View>
      ) : null}
      {!isEscort && !slot ? <ErrorNotice error={missingSlotError} /> : null}

      {isEscort ? <EscortWhen draft={draft} slot={slot} onSelect={setSlot} error={errors.startsAt} /> : null}
      {isEscort ? <EscortStreet user={user} value={form.streetId} onChange={(id) => set('streetId', id)} error={errors.streetId} /> : null}

      {draft.service === 'advisor' ? (
        <CellGroup title='咨询什么'>
          <ChoiceGroup label='咨询内容' options={optionsOf(advisorTopicLabels)} value={form.topic} error={errors.topic} onChange={(v) => set('topic', v)} />
          <ChoiceGroup label='方式' options={optionsOf(advisorVisitModeLabels)} value={form.mode} error={errors.mode} onChange={(v) => set('mode', v)} />
          {form.mode === 'home_visit' ? (
            <Field label='上门地址' value={form.address} required maxLength={limits.advisorAddress} hint={limitHint(limits.advisorAddress, true)}
              placeholder='小区、楼栋、门牌号' error={errors.address} onChange={(v) => set('address', v)} />
          ) : null}
          <Field label='补充说明' multiline value={form.note} maxLength={limits.advisorNote} hint={limitHint(limits.advisorNote, false)}
            placeholder='想先让顾问知道的情况' error={errors.note} onChange={(v) => set('note', v)} />
        </CellGroup>
      ) : null}

      {draft.service === 'counseling' ? (
        <CellGroup title='辅导内容（严格保密，只有您和辅导师能看到）'>
          <ChoiceGroup label='形式' options={optionsOf(counselingFormatLabels)} value={form.format} error={errors.format} onChange={(v) => set('format', v)} />
          <ChoiceGroup label='辅导内容' options={optionsOf(counselingTopicLabels)} value={form.topic} error={errors.topic} onChange={(v) => set('topic', v)} />
          <Field label='补充说明' multiline value={form.note} maxLength={limits.counselingNote} hint={limitHint(limits.counselingNote, false)}
            placeholder='想先让辅导师知道的情况' error={errors.note} onChange={(v) => set('note', v)} />
        </CellGroup>
      ) : null}

      {isEscort ? (
        <CellGroup title='看病信息'>
          <Field label='医院' value={form.hospital} required maxLength={limits.hospital} hint={limitHint(limits.hospital, true)}
            placeholder='例如 市第一人民医院' error={errors.hospital} onChange={(v) => set('hospital', v)} />
          <Field label='科室' value={form.department} required maxLength={limits.department} hint={limitHint(limits.department, true)}
            placeholder='例如 心内科' error={errors.department} onChange={(v) => set('department', v)} />
          <Field label='接送地址' value={form.pickupAddress} required maxLength={limits.pickupAddress} hint={limitHint(limits.pickupAddress, true)}
            placeholder='陪诊员到哪里接' error={errors.pickupAddress} onChange={(v) => set('pickupAddress', v)} />
          <ChoiceGroup label='需要的辅助器具' note='可多选' options={optionsOf(mobilityAidLabels)} value={form.mobilityAids} error={errors.mobilityAids}
            onChange={(aid) => set('mobilityAids', toggleAid(form.mobilityAids, aid))} />
          <Field label='语言需要' value={form.languageNeeds} maxLength={limits.languageNeeds} hint={limitHint(limits.languageNeeds, false)}
            placeholder='例如 只会说常州话' error={errors.languageNeeds} onChange={(v) => set('languageNeeds', v)} />
          <ChoiceGroup label='是否属于困难群体' options={optionsOf(escortEligibilityLabels)} value={form.eligibility} error={errors.eligibility}
            onChange={(v) => set('eligibility', v)} />
          <Text className='flow-hint'>低保、特困、低收入、高龄独居、残疾人士陪诊免费，优先安排。</Text>
          <Field label='同行家属电话' type='phone' value={form.companionPhone} hint='选填，11 位手机号' error={errors.companionPhone}
            onChange={(v) => set('companionPhone', v)} />
          <Field label='补充说明' multiline value={form.note} maxLength={limits.escortNote} hint={limitHint(limits.escortNote, false)}
            placeholder='病情、行动情况等' error={errors.note} onChange={(v) => set('note', v)} />
        </CellGroup>
      ) : null}

      <CellGroup title='为谁预约'>
        <ChoiceGroup label='服务对象' options={whoOptions} value={form.forWhom} onChange={(v) => set('forWhom', v)} />
        {form.forWhom === 'family' && family.length > 0 ? (
          <View className='choice-group'>
            <Text className='choice-group__label'>常用家人</Text>
            <View className='choice-group__options'>
              {family.map((member) => (
                <ChoiceButton
                  key={`${member.name}-${member.phone}`}
                  selected={form.familyName === member.name && form.familyPhone === member.phone}
                  accessibleLabel={`选择家人 ${member.name}`}
                  onClick={() => {
                    setForm((previous) => ({ ...previous, familyName: member.name, familyPhone: member.phone, familyRelationship: member.relationship }));
                    setErrors((previous) => ({ ...previous, familyName: undefined, familyPhone: undefined, familyRelationship: undefined }));
                  }}
                >
                  {`${member.name}（${familyRelationLabels[member.relationship] ?? ''}）`}
                </ChoiceButton>
              ))}
            </View>
          </View>
        ) : null}
        {form.forWhom === 'family' ? (
          <>
            <Field label='家人姓名' value={form.familyName} required maxLength={limits.familyName} hint={limitHint(limits.familyName, true)}
              error={errors.familyName} onChange={(v) => set('familyName', v)} />
            <Field label='家人手机' type='phone' value={form.familyPhone} required hint='必填，11 位手机号' error={errors.familyPhone}
              onChange={(v) => set('familyPhone', v)} />
            <ChoiceGroup label='与您的关系' options={optionsOf(familyRelationLabels)} value={form.familyRelationship} error={errors.familyRelationship}
              onChange={(v) => set('familyRelationship', v)} />
          </>
        ) : null}
        <Field label='联系电话' type='phone' value={form.contactPhone} required hint='必填，11 位手机号，有变动时联系您' error={errors.contactPhone}
          onChange={(v) => set('contactPhone', v)} />
      </CellGroup>

      {errors.form ? <Text className='flow-error'>{errors.form}</Text> : null}
      <View className='main-action'>
        <Button variant='primary' size='large' onClick={next}>
          下一步：核对信息
        </Button>
      </View>
    </View>
  );
}

const whoOptions = [
  { value: 'self', label: '为自己' },
  { value: 'family', label: '为家人' },
] as const;

const missingSlotError = new ApiError('NOT_FOUND', { message: '还没有选择时间，请返回上一步选择。' });

function toggleAid(current: MobilityAid[], aid: MobilityAid): MobilityAid[] {
  if (aid === 'none') return current.includes('none') ? [] : ['none'];
  const without = current.filter((entry) => entry !== 'none');
  return without.includes(aid) ? without.filter((entry) => entry !== aid) : [...without, aid];
}

function EscortWhen({ draft, slot, onSelect, error }: { draft: BookingDraft; slot: BookingDraft['slot']; onSelect: (slot: BookingDraft['slot']) => void; error?: string }) {
  const now = useMemo(() => new Date(), []);
  const days = useMemo(() => escortDays(now, draft.serviceInfo), [now, draft.serviceInfo]);
  const times = useMemo(() => escortTimes(now, draft.serviceInfo), [now, draft.serviceInfo]);
  return (
    <CellGroup title='就诊时间（医院预约的时间）'>
      <View className='flow-calendar'>
        <SlotCalendar
          days={days}
          slots={times}
          todayKey={districtDateKey(now)}
          selected={slot?.startsAt ?? null}
          onSelect={(chosen) => onSelect({ startsAt: chosen.startsAt, endsAt: chosen.endsAt, remaining: null })}
          emptyText='这一天已来不及安排陪诊员，请选之后的日子'
        />
        {error ? <Text className='choice-group__error'>{error}</Text> : null}
      </View>
    </CellGroup>
  );
}

function EscortStreet({ user, value, onChange, error }: { user: PublicUser; value: string; onChange: (id: string) => void; error?: string }) {
  const streets = useRequest(() => catalogApi.streets(), []);
  // Most people book for where they live: start with their own street.
  useEffect(() => {
    if (value || !streets.data || !user.communityId) return;
    const own = streets.data.find((street: Street) => street.communities.some((c) => c.id === user.communityId));
    if (own) onChange(own.id);
  }, [streets.data, user.communityId, value, onChange]);
  return (
    <CellGroup title='所在街道（由街道安排陪诊员）'>
      <RequestView state={streets}>
        {(list) => (
          <ChoiceGroup label='街道' options={list.map((street) => ({ value: street.id, label: street.name }))} value={value} error={error} onChange={onChange} />
        )}
      </RequestView>
    </CellGroup>
  );
}
