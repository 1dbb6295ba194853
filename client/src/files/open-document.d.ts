// Resolved per platform: open-document.weapp.ts (write to the user data folder, then WeChat's
// document viewer) and open-document.h5.ts (a Blob and a download link).
import type { DocumentToOpen } from './document-file';

/** Saves the document on the device and opens it (weapp), or downloads it (browser). */
export declare function openDocument(file: DocumentToOpen): Promise<void>;
