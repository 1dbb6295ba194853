import { View } from '@tarojs/components';
import type { FieldProps, FieldType } from './ui.types';

const inputType: Record<FieldType, 'text' | 'number' | 'digit'> = { text: 'text', phone: 'number', number: 'digit' };

export function Field({ label, value, onChange, placeholder, type = 'text', maxLength, required, disabled, error }: FieldProps) {
  return (
    <View className='ui-field-wrap'>
      <van-field
        label={label}
        value={value}
        type={inputType[type]}
        placeholder={placeholder}
        maxlength={maxLength ?? (type === 'phone' ? 11 : -1)}
        required={required}
        disabled={disabled}
        error-message={error ?? ''}
        aria-label={label}
        onChange={(event) => onChange(event.detail)}
      />
    </View>
  );
}
