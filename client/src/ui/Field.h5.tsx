import { useId } from 'react';
import { lengthOf, overLimitMessage, phoneInputMax, typedValue } from './field-text';
import type { FieldProps, FieldType } from './ui.types';

const inputAttributes: Record<FieldType, { type: string; inputMode: 'text' | 'tel' | 'decimal'; autoComplete?: string }> = {
  text: { type: 'text', inputMode: 'text' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  number: { type: 'text', inputMode: 'decimal' },
  password: { type: 'password', inputMode: 'text', autoComplete: 'current-password' },
  'new-password': { type: 'password', inputMode: 'text', autoComplete: 'new-password' },
};

/** The label on its own line above a boxed input, so a long label never wraps and an empty box shows. */
export function Field({ label, value, onChange, placeholder, type = 'text', maxLength, required, disabled, error, hint, multiline }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const attributes = inputAttributes[type];
  const message = error ?? overLimitMessage(value, maxLength);
  const over = overLimitMessage(value, maxLength) !== null;
  const describedBy = [message ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    placeholder,
    // Text is not cut at its limit (see field-text.ts); a phone may carry separators until cleaned.
    maxLength: type === 'phone' ? phoneInputMax : undefined,
    required,
    disabled,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  const change = (raw: string) => onChange(typedValue(type, raw));
  return (
    <div className={`ui-field${message ? ' ui-field--error has-error' : ''}${multiline ? ' ui-field--multiline' : ''}`}>
      <label className='ui-field__label' htmlFor={id}>
        {label}
        {required ? <span className='ui-field__required' aria-hidden='true'>*</span> : null}
      </label>
      {multiline ? (
        <textarea {...common} className='ui-field__input ui-field__textarea' rows={4} onChange={(event) => change(event.target.value)} />
      ) : (
        <input
          {...common}
          className='ui-field__input'
          type={attributes.type}
          inputMode={attributes.inputMode}
          autoComplete={attributes.autoComplete}
          onChange={(event) => change(event.target.value)}
        />
      )}
      {message ? (
        <p id={errorId} className='ui-field__error' role='alert'>
          {message}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className='ui-field__hint'>
          {hint}
          {maxLength ? <span className={`ui-field__count${over ? ' ui-field__count--over' : ''}`}>{`${lengthOf(value)}/${maxLength}`}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
