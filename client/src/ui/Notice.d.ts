// Resolved per platform: Notice.weapp.tsx and Notice.h5.tsx (a role=alert / role=status box).
import type { NoticeProps } from './ui.types';

export declare function Notice(props: NoticeProps): JSX.Element;
