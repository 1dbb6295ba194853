import { View } from '@tarojs/components';
import type { TappableProps } from './ui.types';

/** A large area (e.g. a service card) that is one button. */
export function Tappable({ accessibleLabel, onClick, className, children }: TappableProps) {
  return (
    <View className={`ui-tappable ${className ?? ''}`} hoverClass='ui-tappable--active' ariaRole='button' ariaLabel={accessibleLabel} onClick={() => onClick()}>
      {children}
    </View>
  );
}
