import { useId } from 'react';
import type { FieldProps, FieldType } from './ui.types';

const inputAttributes: Record<FieldType, { type: string; inputMode: 'text' | 'tel' | 'decimal'; autoComplete?: string }> = {
  text: { type: 'text', inputMode: 'text' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  number: { type: 'text', inputMode: 'decimal' },
};

export function Field({ label, value, onChange, placeholder, type = 'text', maxLength, required, disabled, error, hint, multiline }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const attributes = inputAttributes[type];
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    placeholder,
    maxLength: maxLength ?? (type === 'phone' ? 11 : undefined),
    required,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`ui-field${error ? ' ui-field--error has-error' : ''}${multiline ? ' ui-field--multiline' : ''}`}>
      <label className='ui-field__label' htmlFor={id}>
        {label}
        {required ? <span className='ui-field__required' aria-hidden='true'>*</span> : null}
      </label>
      {multiline ? (
        <textarea {...common} className='ui-field__input ui-field__textarea' rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          className='ui-field__input'
          type={attributes.type}
          inputMode={attributes.inputMode}
          autoComplete={attributes.autoComplete}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error ? (
        <p id={errorId} className='ui-field__error' role='alert'>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className='ui-field__hint'>
          {hint}
          {maxLength ? <span className='ui-field__count'>{`${Array.from(value).length}/${maxLength}`}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
