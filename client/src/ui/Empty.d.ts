// Resolved per platform: Empty.weapp.tsx (@vant/weapp) and Empty.h5.tsx (plain React + CSS).
import type { EmptyProps } from './ui.types';

export declare function Empty(props: EmptyProps): JSX.Element;
