// Resolved per platform: Tag.weapp.tsx (@vant/weapp) and Tag.h5.tsx (plain React + CSS).
import type { TagProps } from './ui.types';

export declare function Tag(props: TagProps): JSX.Element;
