import Taro from '@tarojs/taro';

export const canScanCode = true;

/** WeChat's scanner, QR codes only and not from the album (a photo of an old code would be expired). */
export async function scanCodeText(): Promise<string | null> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result.result ?? null;
  } catch {
    // Cancelled, or the camera refused: the page offers the digits instead.
    return null;
  }
}
