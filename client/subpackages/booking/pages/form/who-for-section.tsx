import { Text, View } from '@tarojs/components';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { bookingFieldLimits as limits, limitHint, type BookingFormField, type BookingFormState } from '../../../../src/features/booking/booking-form';
import { familyMemberLabel, familyRelationOptions } from '../../../../src/features/booking/booking-labels';
import type { FamilyMember } from '../../../../src/features/booking/family-members';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';

type Props = {
  title: string;
  form: BookingFormState;
  errors: Partial<Record<BookingFormField, string>>;
  family: FamilyMember[];
  /** Changes some fields at once and clears their messages. */
  patch: (changes: Partial<BookingFormState>) => void;
};

const newFamily = 'family-new';

/**
 * Who the booking is for, asked first: someone booking for a parent decides that before anything
 * else. The family members saved on this phone are offered right here, one tap each.
 */
export function WhoForSection({ title, form, errors, family, patch }: Props) {
  const saved = family.findIndex((m) => form.forWhom === 'family' && m.name === form.familyName && m.phone === form.familyPhone);
  const choice = form.forWhom === 'self' ? 'self' : saved >= 0 ? `member-${saved}` : newFamily;
  const options = [
    { value: 'self', label: '为自己' },
    ...family.map((member, index) => ({ value: `member-${index}`, label: familyMemberLabel(member) })),
    { value: newFamily, label: family.length > 0 ? '为其他家人' : '为家人' },
  ];
  const choose = (value: string) => {
    if (value === 'self') return patch({ forWhom: 'self' });
    const member = value.startsWith('member-') ? family[Number(value.slice('member-'.length))] : undefined;
    if (member) return patch({ forWhom: 'family', familyName: member.name, familyPhone: member.phone, familyRelationship: member.relationship });
    // Someone new: start empty rather than with a saved member's details.
    patch({ forWhom: 'family', ...(saved >= 0 || form.forWhom === 'self' ? { familyName: '', familyPhone: '', familyRelationship: '' } : {}) });
  };
  const member = saved >= 0 ? family[saved] : undefined;
  const memberHasError = Boolean(errors.familyName || errors.familyPhone || errors.familyRelationship);

  return (
    <CellGroup title={title}>
      <ChoiceGroup label='服务对象' options={options} value={choice} onChange={choose} />
      {member && !memberHasError ? (
        <View className='flow-chosen'>
          <Text className='flow-chosen__text'>{`${familyMemberLabel(member)} · ${member.phone}`}</Text>
        </View>
      ) : null}
      {form.forWhom === 'family' && (!member || memberHasError) ? (
        <>
          <Field label='家人姓名' value={form.familyName} required maxLength={limits.familyName} hint={limitHint(limits.familyName, true)}
            error={errors.familyName} onChange={(v) => patch({ familyName: v })} />
          <Field label='家人手机' type='phone' value={form.familyPhone} required hint='必填，11 位手机号' error={errors.familyPhone}
            onChange={(v) => patch({ familyPhone: v })} />
          <ChoiceGroup label='与您的关系' options={familyRelationOptions} value={form.familyRelationship} error={errors.familyRelationship}
            onChange={(v) => patch({ familyRelationship: v })} />
        </>
      ) : null}
      <Field label='您的联系电话' type='phone' value={form.contactPhone} required hint='必填，11 位手机号，有变动时联系您' error={errors.contactPhone}
        onChange={(v) => patch({ contactPhone: v })} />
    </CellGroup>
  );
}
