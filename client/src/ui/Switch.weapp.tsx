import { Text, View } from '@tarojs/components';
import { useElderMode } from '../elder/elder-mode-context';
import type { SwitchProps } from './ui.types';

/**
 * The whole row is the tap target (at least 48 / 64 px tall); vant's switch only shows the state,
 * so a tap on it is not counted twice.
 */
export function Switch({ label, checked, onChange, description, disabled }: SwitchProps) {
  const { elder } = useElderMode();
  return (
    <View
      className={`ui-switch${disabled ? ' ui-switch--disabled' : ''}`}
      ariaRole='switch'
      ariaLabel={`${label}，${checked ? '已开启' : '已关闭'}`}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    >
      <View className='ui-switch__text'>
        <Text className='ui-switch__label'>{label}</Text>
        {description ? <Text className='ui-switch__description'>{description}</Text> : null}
      </View>
      <View className='ui-switch__control'>
        <van-switch checked={checked} disabled={disabled} size={elder ? '36px' : '28px'} />
      </View>
    </View>
  );
}
