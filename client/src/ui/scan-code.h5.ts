/** The browser has no scanner the app can open: the check-in page asks for the six digits. */
export const canScanCode = false;

export function scanCodeText(): Promise<string | null> {
  return Promise.resolve(null);
}
