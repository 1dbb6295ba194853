import { CommunityChoice } from '../../../../src/components/CommunityChoice';
import { bookingFieldLimits as limits, limitHint, type BookingFormField, type BookingFormState } from '../../../../src/features/booking/booking-form';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';

type Props = {
  title: string;
  form: BookingFormState;
  errors: Partial<Record<BookingFormField, string>>;
  patch: (changes: Partial<BookingFormState>) => void;
};

/**
 * 代办: the elder at the window or on the phone, in place of "for whom". Only name, phone and 社区:
 * many of them have no smartphone; the staff member is the booker of record and is told of changes.
 */
export function ProxyElderSection({ title, form, errors, patch }: Props) {
  return (
    <CellGroup title={title}>
      <Field label='老人姓名' value={form.familyName} required maxLength={limits.familyName} hint={limitHint(limits.familyName, true)}
        error={errors.familyName} onChange={(v) => patch({ familyName: v })} />
      <Field label='老人电话' type='phone' value={form.familyPhone} required hint='必填，11 位手机号，服务人员会打这个电话' error={errors.familyPhone}
        onChange={(v) => patch({ familyPhone: v })} />
      <CommunityChoice value={form.elderCommunityId ?? ''} error={errors.elderCommunityId} onChange={(id) => patch({ elderCommunityId: id })} />
      <Field label='另留联系电话（选填）' type='phone' value={form.contactPhone} hint='选填，不填则联系老人本人' error={errors.contactPhone}
        onChange={(v) => patch({ contactPhone: v })} />
    </CellGroup>
  );
}
