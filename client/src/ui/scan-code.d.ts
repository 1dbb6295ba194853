// Resolved per platform: scan-code.weapp.ts (WeChat's camera scanner) and scan-code.h5.ts (no
// scanner in the browser: the six digits are typed instead).

/** Whether this build can scan a QR code with the camera. */
export declare const canScanCode: boolean;

/** Opens the camera and resolves with the scanned text, or null when the person cancelled. */
export declare function scanCodeText(): Promise<string | null>;
