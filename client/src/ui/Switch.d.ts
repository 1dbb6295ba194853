// Resolved per platform: Switch.weapp.tsx (@vant/weapp) and Switch.h5.tsx (plain React + CSS).
import type { SwitchProps } from './ui.types';

export declare function Switch(props: SwitchProps): JSX.Element;
