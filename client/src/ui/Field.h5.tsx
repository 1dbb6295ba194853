import { useId } from 'react';
import type { FieldProps, FieldType } from './ui.types';

const inputAttributes: Record<FieldType, { type: string; inputMode: 'text' | 'tel' | 'decimal'; autoComplete?: string }> = {
  text: { type: 'text', inputMode: 'text' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  number: { type: 'text', inputMode: 'decimal' },
};

export function Field({ label, value, onChange, placeholder, type = 'text', maxLength, required, disabled, error }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const attributes = inputAttributes[type];
  return (
    <div className={`ui-field${error ? ' ui-field--error' : ''}`}>
      <label className='ui-field__label' htmlFor={id}>
        {label}
        {required ? <span className='ui-field__required' aria-hidden='true'>*</span> : null}
      </label>
      <input
        id={id}
        className='ui-field__input'
        type={attributes.type}
        inputMode={attributes.inputMode}
        autoComplete={attributes.autoComplete}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength ?? (type === 'phone' ? 11 : undefined)}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={errorId} className='ui-field__error' role='alert'>
          {error}
        </p>
      ) : null}
    </div>
  );
}
