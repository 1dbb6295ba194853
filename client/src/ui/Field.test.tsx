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

  it('asks phones for the phone keypad', () => {
    render(<Field label='手机号' type='phone' value='' onChange={() => undefined} />);

    expect((screen.getByLabelText('手机号') as HTMLInputElement).type).toBe('tel');
  });

  it.each(['139 1234 5678', '139-1234-5678', '139 1234-5678', '139　1234　5678'])(
    'keeps the 11 digits of a phone typed or pasted as %p',
    (typed) => {
      const onValue = jest.fn();
      render(<ControlledField label='手机号' type='phone' onValue={onValue} />);

      fireEvent.change(screen.getByLabelText('手机号'), { target: { value: typed } });

      expect(onValue).toHaveBeenLastCalledWith('13912345678');
      expect((screen.getByLabelText('手机号') as HTMLInputElement).value).toBe('13912345678');
    },
  );

  it('never cuts text at its limit: it keeps all of it and says how much is over, as one types', () => {
    const onValue = jest.fn();
    render(<ControlledField label='接送地址' maxLength={100} hint='必填，最多 100 字' onValue={onValue} multiline />);
    const box = screen.getByLabelText('接送地址') as HTMLTextAreaElement;

    expect(box.tagName).toBe('TEXTAREA');
    expect(box.maxLength).toBe(-1);
    fireEvent.change(box, { target: { value: '址'.repeat(99) } });
    expect(screen.getByText('99/100')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.change(box, { target: { value: '址'.repeat(500) } });
    expect(onValue).toHaveBeenLastCalledWith('址'.repeat(500));
    expect(screen.getByText('500/100').className).toContain('ui-field__count--over');
    expect(screen.getByRole('alert').textContent).toBe('超出 400 字，最多 100 字，请删减');
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts the label on its own line above a visible box, so a long label is not squeezed', () => {
    const { container } = render(<Field label='同行家属电话' type='phone' value='' onChange={() => undefined} />);

    const field = container.querySelector('.ui-field')!;
    // Label first, then the boxed input, as siblings in one column.
    expect(Array.from(field.children).map((el) => el.className)).toEqual(['ui-field__label', 'ui-field__input']);
  });
});
