// Resolved per platform: Button.weapp.tsx (@vant/weapp) and Button.h5.tsx (plain React + CSS).
import type { ButtonProps } from './ui.types';

export declare function Button(props: ButtonProps): JSX.Element;
