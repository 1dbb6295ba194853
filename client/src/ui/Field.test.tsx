import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Field } from './Field';
import type { FieldProps } from './ui.types';

function ControlledField(props: Omit<FieldProps, 'value' | 'onChange'> & { onValue?: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <Field
      {...props}
      value={value}
      onChange={(next) => {
        setValue(next);
        props.onValue?.(next);
      }}
    />
  );
}

describe('Field (H5)', () => {
  it('is labelled, so tapping the label focuses the input and screen readers name it', () => {
    render(<ControlledField label='姓名' placeholder='请填写姓名' />);

    const input = screen.getByLabelText('姓名') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    expect(input.placeholder).toBe('请填写姓名');
  });

  it('reports each change with the typed text', () => {
    const onValue = jest.fn();
    render(<ControlledField label='姓名' onValue={onValue} />);

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王阿姨' } });

    expect(onValue).toHaveBeenLastCalledWith('王阿姨');
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('王阿姨');
  });

  it('shows an error under the field, tied to the input and announced', () => {
    render(<Field label='手机号' type='phone' value='123' error='请填写 11 位手机号' onChange={() => undefined} />);

    const input = screen.getByLabelText('手机号');
    const message = screen.getByRole('alert');
    expect(message.textContent).toBe('请填写 11 位手机号');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(message.id);
  });

  it('has no error state when there is no error', () => {
    render(<Field label='姓名' value='' onChange={() => undefined} />);

    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('姓名').getAttribute('aria-invalid')).toBeNull();
  });

  it('asks phones for the phone keypad and at most 11 digits', () => {
    render(<Field label='手机号' type='phone' value='' onChange={() => undefined} />);

    const input = screen.getByLabelText('手机号') as HTMLInputElement;
    expect(input.type).toBe('tel');
    expect(input.maxLength).toBe(11);
  });
});
