// Resolved per platform: feedback.weapp.ts (WeChat's toast and modal) and feedback.h5.ts.
import type { ConfirmOptions } from './ui.types';

/** A short message that disappears by itself; read out by screen readers. */
export declare function showToast(message: string): void;

/** Asks a yes/no question; resolves true when the person confirms. */
export declare function confirm(options: ConfirmOptions): Promise<boolean>;
