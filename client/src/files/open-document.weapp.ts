import Taro from '@tarojs/taro';
import { documentTypeOf, safeDocumentName, type DocumentToOpen } from './document-file';

/**
 * A mini-program cannot download a reply as a file: the document (a PDF or an export's workbook)
 * is written into the user data folder and opened in WeChat's viewer, whose menu saves or forwards it.
 */
export async function openDocument(file: DocumentToOpen): Promise<void> {
  const type = documentTypeOf(file);
  const filePath = `${Taro.env.USER_DATA_PATH}/${safeDocumentName(file.fileName, type)}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
  await Taro.openDocument({ filePath, fileType: type, showMenu: true });
}
