import { Text, View } from '@tarojs/components';
import type { FieldProps, FieldType } from './ui.types';

const inputType: Record<FieldType, 'text' | 'number' | 'digit'> = { text: 'text', phone: 'number', number: 'digit' };

export function Field({ label, value, onChange, placeholder, type = 'text', maxLength, required, disabled, error, hint, multiline }: FieldProps) {
  return (
    <View className={`ui-field-wrap${multiline ? ' ui-field-wrap--multiline' : ''}${error ? ' has-error' : ''}`}>
      <van-field
        label={label}
        value={value}
        type={multiline ? 'textarea' : inputType[type]}
        placeholder={placeholder}
        maxlength={maxLength ?? (type === 'phone' ? 11 : -1)}
        required={required}
        disabled={disabled}
        error-message={error ?? ''}
        aria-label={label}
        onChange={(event) => onChange(event.detail)}
      />
      {hint ? (
        <View className='ui-field__hint'>
          <Text>{hint}</Text>
          {maxLength ? <Text className='ui-field__count'>{`${Array.from(value).length}/${maxLength}`}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
