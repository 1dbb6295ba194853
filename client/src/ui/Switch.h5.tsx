import type { SwitchProps } from './ui.types';

/** The whole row is the control: one large tap target that reads as a switch. */
export function Switch({ label, checked, onChange, description, disabled }: SwitchProps) {
  return (
    <button
      type='button'
      role='switch'
      aria-checked={checked}
      className={`ui-switch${checked ? ' ui-switch--on' : ''}`}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span className='ui-switch__text'>
        <span className='ui-switch__label'>{label}</span>
        {description ? <span className='ui-switch__description'>{description}</span> : null}
      </span>
      <span className='ui-switch__track' aria-hidden='true'>
        <span className='ui-switch__thumb' />
      </span>
    </button>
  );
}
