// Resolved per platform: Field.weapp.tsx (@vant/weapp) and Field.h5.tsx (plain React + CSS).
import type { FieldProps } from './ui.types';

export declare function Field(props: FieldProps): JSX.Element;
