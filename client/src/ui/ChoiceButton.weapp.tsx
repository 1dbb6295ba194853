import { View } from '@tarojs/components';
import type { ChoiceButtonProps } from './ui.types';

/** One option of a choice (a day, a time, a topic): a toggle button, filled when chosen. */
export function ChoiceButton({ selected, disabled, accessibleLabel, onClick, className, children }: ChoiceButtonProps) {
  return (
    <View
      className={`ui-choice${selected ? ' ui-choice--selected' : ''}${disabled ? ' ui-choice--disabled' : ''}${className ? ` ${className}` : ''}`}
      hoverClass={disabled ? 'none' : 'ui-choice--active'}
      ariaRole='button'
      ariaLabel={accessibleLabel ? `${accessibleLabel}${selected ? '，已选' : ''}${disabled ? '，不可选' : ''}` : undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </View>
  );
}
