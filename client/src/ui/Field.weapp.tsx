import { Text, View } from '@tarojs/components';
import { lengthOf, overLimitMessage, phoneInputMax, typedValue } from './field-text';
import type { FieldProps, FieldType } from './ui.types';

const inputType: Record<FieldType, 'text' | 'number' | 'digit'> = { text: 'text', phone: 'number', number: 'digit', password: 'text', 'new-password': 'text' };

/** The label on its own line above vant's boxed input, as in the H5 build (see Field.h5.tsx). */
export function Field({ label, value, onChange, placeholder, type = 'text', maxLength, required, disabled, error, hint, multiline }: FieldProps) {
  const message = error ?? overLimitMessage(value, maxLength);
  const over = overLimitMessage(value, maxLength) !== null;
  return (
    <View className={`ui-field-wrap${multiline ? ' ui-field-wrap--multiline' : ''}${message ? ' has-error' : ''}`}>
      <View className='ui-field__label'>
        <Text>{label}</Text>
        {required ? <Text className='ui-field__required'>*</Text> : null}
      </View>
      <van-field
        value={value}
        type={multiline ? 'textarea' : inputType[type]}
        placeholder={placeholder}
        maxlength={type === 'phone' ? phoneInputMax : -1}
        autosize={multiline}
        password={type === 'password' || type === 'new-password'}
        border={false}
        required={false}
        disabled={disabled}
        error={Boolean(message)}
        error-message={message ?? ''}
        custom-class='ui-field__box'
        aria-label={label}
        onChange={(event) => onChange(typedValue(type, event.detail))}
      />
      {hint ? (
        <View className='ui-field__hint'>
          <Text>{hint}</Text>
          {maxLength ? <Text className={`ui-field__count${over ? ' ui-field__count--over' : ''}`}>{`${lengthOf(value)}/${maxLength}`}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
