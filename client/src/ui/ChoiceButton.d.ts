// Resolved per platform: ChoiceButton.weapp.tsx (a view with a button role) and ChoiceButton.h5.tsx (<button aria-pressed>).
import type { ChoiceButtonProps } from './ui.types';

export declare function ChoiceButton(props: ChoiceButtonProps): JSX.Element;
