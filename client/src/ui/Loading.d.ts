// Resolved per platform: Loading.weapp.tsx (@vant/weapp) and Loading.h5.tsx (plain React + CSS).
import type { LoadingProps } from './ui.types';

export declare function Loading(props: LoadingProps): JSX.Element;
