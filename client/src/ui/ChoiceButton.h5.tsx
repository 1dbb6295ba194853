import type { ChoiceButtonProps } from './ui.types';

/** One option of a choice (a day, a time, a topic): a toggle button, filled when chosen. */
export function ChoiceButton({ selected, disabled, accessibleLabel, onClick, className, children }: ChoiceButtonProps) {
  return (
    <button
      type='button'
      className={`ui-choice${selected ? ' ui-choice--selected' : ''}${className ? ` ${className}` : ''}`}
      aria-pressed={selected ? true : false}
      aria-label={accessibleLabel}
      disabled={disabled}
      onClick={() => onClick()}
    >
      {children}
    </button>
  );
}
