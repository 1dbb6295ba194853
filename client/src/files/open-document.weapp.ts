import Taro from '@tarojs/taro';
import { safePdfName, type DocumentToOpen } from './document-file';

/**
 * A mini-program cannot download a reply as a file: the PDF is written into the user data folder
 * and opened in WeChat's viewer, whose menu saves or forwards it.
 */
export async function openDocument({ fileName, base64 }: DocumentToOpen): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${safePdfName(fileName)}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}
