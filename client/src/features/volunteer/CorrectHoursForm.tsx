import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

/** Hours in half hours and the reason the volunteer will read. */
export function CorrectHoursForm({ name, hours, onSubmit, onCancel, confirmText = '保存更正' }: { name: string; hours: number; onSubmit: (hours: number, reason: string) => Promise<void>; onCancel: () => void; confirmText?: string }) {
  const [value, setValue] = useState(String(hours));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ hours?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const n = Number(value);
    const found: { hours?: string; reason?: string } = {};
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 24 || !Number.isInteger(n * 2)) found.hours = '时长按半小时计，如 1.5，最多 24';
    if (reason.trim() === '') found.reason = '请写明原因，志愿者会看到';
    setErrors(found);
    if (found.hours || found.reason) return;
    setBusy(true);
    try {
      await onSubmit(n, reason.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='reason-form'>
      <Field label={`${name}的时长（小时）`} type='number' required value={value} hint='按半小时计，如 1.5' error={errors.hours} onChange={setValue} />
      <Field label='更正原因' multiline required value={reason} maxLength={200} hint='必填，志愿者会看到' error={errors.reason} onChange={setReason} />
      <View className='reason-form__actions'>
        <Button block disabled={busy} onClick={onCancel}>
          先不了
        </Button>
        <Button variant='primary' block loading={busy} onClick={() => void submit()}>
          {confirmText}
        </Button>
      </View>
    </View>
  );
}
