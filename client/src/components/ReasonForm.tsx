import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';

type Props = {
  /** The field's label, e.g. 拒绝原因. */
  label: string;
  placeholder?: string;
  confirmText: string;
  /** Resolves when done; a rejection keeps the form open (the caller shows the error). */
  onConfirm: (reason: string) => Promise<void>;
  onCancel: () => void;
  maxLength?: number;
};

/** A reason the other person will read (why declined, why cancelled): required, up to 200 characters. */
export function ReasonForm({ label, placeholder, confirmText, onConfirm, onCancel, maxLength = 200 }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (reason.trim() === '') {
      setError(`请填写${label}，对方会看到`);
      return;
    }
    setBusy(true);
    try {
      await onConfirm(reason.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='reason-form'>
      <Field label={label} multiline required value={reason} maxLength={maxLength} hint={`必填，最多 ${maxLength} 字，对方会看到`}
        placeholder={placeholder} error={error} onChange={(value) => {
          setReason(value);
          setError(undefined);
        }} />
      <View className='reason-form__actions'>
        <Button block disabled={busy} onClick={onCancel}>
          先不了
        </Button>
        <Button variant='danger' block loading={busy} onClick={() => void submit()}>
          {confirmText}
        </Button>
      </View>
    </View>
  );
}
