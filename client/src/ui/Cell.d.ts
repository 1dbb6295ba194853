// Resolved per platform: Cell.weapp.tsx (@vant/weapp) and Cell.h5.tsx (plain React + CSS).
import type { CellGroupProps, CellProps } from './ui.types';

export declare function Cell(props: CellProps): JSX.Element;
export declare function CellGroup(props: CellGroupProps): JSX.Element;
