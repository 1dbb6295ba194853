import { Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { escortEligibilityLabels, escortFeeText, isFreeOfCharge, mobilityAidLabels, type MobilityAid } from '../../../../../shared/domain/service-kinds';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { catalogApi } from '../../../../src/api/catalog.api';
import type { ServiceInfo, Street } from '../../../../src/api/views.schema';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { RequestView } from '../../../../src/components/RequestView';
import { SlotCalendar } from '../../../../src/components/SlotCalendar';
import type { BookingDraft } from '../../../../src/features/booking/booking-draft';
import {
  bookingFieldLimits as limits,
  limitHint,
  type BookingFormField,
  type BookingFormState,
} from '../../../../src/features/booking/booking-form';
import { escortTimes, escortDays } from '../../../../src/features/booking/escort-times';
import { districtDateKey, formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';

type Slot = BookingDraft['slot'];
type SectionProps = {
  form: BookingFormState;
  errors: Partial<Record<BookingFormField, string>>;
  patch: (changes: Partial<BookingFormState>) => void;
};

/** The hospital appointment time. Once chosen it folds to one line, so the rest of the form is near. */
export function EscortWhen(props: { title: string; service: ServiceInfo; slot: Slot; onSelect: (slot: Slot) => void; error?: string }) {
  const { title, service, slot, onSelect, error } = props;
  const now = useMemo(() => new Date(), []);
  const days = useMemo(() => escortDays(now, service), [now, service]);
  const times = useMemo(() => escortTimes(now, service), [now, service]);
  const [open, setOpen] = useState(slot === null);
  const shown = open || slot === null;
  return (
    <CellGroup title={title}>
      {shown ? (
        <View className={`flow-calendar${error ? ' has-error' : ''}`}>
          {/* Above the calendar: scrolled to, the message is the first thing seen. */}
          {error ? <Text className='choice-group__error flow-calendar__error'>{error}</Text> : null}
          <SlotCalendar
            days={days}
            slots={times}
            todayKey={districtDateKey(now)}
            selected={slot?.startsAt ?? null}
            onSelect={(chosen) => {
              onSelect({ startsAt: chosen.startsAt, endsAt: chosen.endsAt, remaining: null });
              setOpen(false);
            }}
            emptyText='这一天已来不及安排陪诊员，请选之后的日子'
          />
        </View>
      ) : (
        <View className='flow-chosen'>
          <Text className='flow-chosen__text text-key'>{formatDateTime(slot!.startsAt)}</Text>
          <Button accessibleLabel={`改时间：${formatDateTime(slot!.startsAt)}`} onClick={() => setOpen(true)}>
            改时间
          </Button>
        </View>
      )}
    </CellGroup>
  );
}

/** Hospital, department, where to pick up, and the 街道 that sends the escort (from the profile). */
export function EscortWhere({ title, user, form, errors, patch }: SectionProps & { title: string; user: PublicUser }) {
  return (
    <CellGroup title={title}>
      <Field label='医院' value={form.hospital} required maxLength={limits.hospital} hint={limitHint(limits.hospital, true)}
        placeholder='例如 市第一人民医院' error={errors.hospital} onChange={(v) => patch({ hospital: v })} />
      <Field label='科室' value={form.department} required maxLength={limits.department} hint={limitHint(limits.department, true)}
        placeholder='例如 心内科' error={errors.department} onChange={(v) => patch({ department: v })} />
      <Field label='接送地址' multiline value={form.pickupAddress} required maxLength={limits.pickupAddress} hint={limitHint(limits.pickupAddress, true)}
        placeholder='陪诊员到哪里接：小区、楼栋、门牌号' error={errors.pickupAddress} onChange={(v) => patch({ pickupAddress: v })} />
      <EscortStreet user={user} value={form.streetId} error={errors.streetId} onChange={(id) => patch({ streetId: id })} />
    </CellGroup>
  );
}

function EscortStreet({ user, value, onChange, error }: { user: PublicUser; value: string; onChange: (id: string) => void; error?: string }) {
  const streets = useRequest(() => catalogApi.streets(), []);
  const [changing, setChanging] = useState(false);
  // Most people book for where they live: start with the street of the community in their profile.
  useEffect(() => {
    if (value || !streets.data || !user.communityId) return;
    const own = streets.data.find((street: Street) => street.communities.some((c) => c.id === user.communityId));
    if (own) onChange(own.id);
  }, [streets.data, user.communityId, value, onChange]);
  return (
    <RequestView state={streets}>
      {(list) => {
        const chosen = list.find((street) => street.id === value);
        if (chosen && !changing && !error) {
          return (
            <View className='flow-chosen'>
              <Text className='flow-chosen__text'>{`由${chosen.name}安排陪诊员`}</Text>
              <Button accessibleLabel={`改街道：${chosen.name}`} onClick={() => setChanging(true)}>
                改街道
              </Button>
            </View>
          );
        }
        return (
          <ChoiceGroup label='所在街道（由街道安排陪诊员）' options={list.map((street) => ({ value: street.id, label: street.name }))} value={value} error={error}
            onChange={(id) => {
              onChange(id);
              setChanging(false);
            }} />
        );
      }}
    </RequestView>
  );
}

/** Whether the resident belongs to a group the plan serves free, and what it costs otherwise. */
export function EscortFee({ title, form, errors, patch }: SectionProps & { title: string }) {
  const fee = form.eligibility === '' ? escortFeeText.rule : isFreeOfCharge(form.eligibility) ? `费用：${escortFeeText.claimed}` : `费用：${escortFeeText.paid}`;
  return (
    <CellGroup title={title}>
      <ChoiceGroup label='是否属于困难群体' options={optionsOf(escortEligibilityLabels)} value={form.eligibility} error={errors.eligibility}
        onChange={(v) => patch({ eligibility: v })} />
      <Text className='flow-hint'>{fee}</Text>
    </CellGroup>
  );
}

const extraFields: BookingFormField[] = ['mobilityAids', 'languageNeeds', 'companionPhone', 'note'];

/** Needs most requests do not have, folded until asked for (or until one of them needs fixing). */
export function EscortExtras({ title, form, errors, patch }: SectionProps & { title: string }) {
  const filled = form.mobilityAids.length > 0 || form.languageNeeds !== '' || form.companionPhone !== '' || form.note !== '';
  const [open, setOpen] = useState(filled);
  const shown = open || filled || extraFields.some((field) => errors[field]);
  return (
    <CellGroup title={title}>
      {shown ? (
        <>
          <ChoiceGroup label='需要的辅助器具' note='可多选' options={optionsOf(mobilityAidLabels)} value={form.mobilityAids} error={errors.mobilityAids}
            onChange={(aid) => patch({ mobilityAids: toggleAid(form.mobilityAids, aid) })} />
          <Field label='语言需要' value={form.languageNeeds} maxLength={limits.languageNeeds} hint={limitHint(limits.languageNeeds, false)}
            placeholder='例如 只会说常州话' error={errors.languageNeeds} onChange={(v) => patch({ languageNeeds: v })} />
          <Field label='同行家属电话' type='phone' value={form.companionPhone} hint='选填，11 位手机号' error={errors.companionPhone}
            onChange={(v) => patch({ companionPhone: v })} />
          <Field label='补充说明' multiline value={form.note} maxLength={limits.escortNote} hint={limitHint(limits.escortNote, false)}
            placeholder='病情、行动情况等' error={errors.note} onChange={(v) => patch({ note: v })} />
        </>
      ) : (
        <View className='flow-chosen'>
          <Text className='flow-chosen__text'>轮椅、方言、同行家属等</Text>
          <Button onClick={() => setOpen(true)}>填写</Button>
        </View>
      )}
    </CellGroup>
  );
}

function toggleAid(current: MobilityAid[], aid: MobilityAid): MobilityAid[] {
  if (aid === 'none') return current.includes('none') ? [] : ['none'];
  const without = current.filter((entry) => entry !== 'none');
  return without.includes(aid) ? without.filter((entry) => entry !== aid) : [...without, aid];
}

/** The draft's time, if it can still be requested now (a draft kept from yesterday may be too late). */
export function stillOffered(slot: Slot, service: ServiceInfo, now: Date = new Date()): Slot {
  if (!slot) return null;
  return escortTimes(now, service).some((time) => time.startsAt === slot.startsAt) ? slot : null;
}
