import { fireEvent, render, screen } from '@testing-library/react';
import { Button } from './Button';

describe('Button (H5)', () => {
  it('is a button named by its text that calls onClick once per tap', () => {
    const onClick = jest.fn();
    render(<Button onClick={onClick}>保存</Button>);

    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('uses the accessible label instead of the visible text when given', () => {
    render(<Button accessibleLabel='以居民 王阿姨登录'>居民 王阿姨</Button>);

    expect(screen.getByRole('button', { name: '以居民 王阿姨登录' })).toBeTruthy();
  });

  it('marks the page main action as primary and large', () => {
    render(
      <Button variant='primary' size='large'>
        登录
      </Button>,
    );

    const button = screen.getByRole('button', { name: '登录' });
    expect(button.className).toContain('ui-button--primary');
    expect(button.className).toContain('ui-button--large');
  });

  it('ignores taps while disabled', () => {
    const onClick = jest.fn();
    render(
      <Button disabled onClick={onClick}>
        保存
      </Button>,
    );

    const button = screen.getByRole('button', { name: '保存' }) as HTMLButtonElement;
    fireEvent.click(button);

    expect(button.disabled).toBe(true);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('while loading says it is busy and cannot be tapped twice', () => {
    const onClick = jest.fn();
    render(
      <Button loading onClick={onClick}>
        保存
      </Button>,
    );

    const button = screen.getByRole('button', { name: '保存' }) as HTMLButtonElement;
    fireEvent.click(button);

    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.disabled).toBe(true);
    expect(onClick).not.toHaveBeenCalled();
  });
});
