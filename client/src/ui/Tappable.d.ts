// Resolved per platform: Tappable.weapp.tsx (a view with a button role) and Tappable.h5.tsx (<button>).
import type { TappableProps } from './ui.types';

export declare function Tappable(props: TappableProps): JSX.Element;
