import { defineFunction } from '../core/runtime/define-function';
import { certificatesPart } from '../core/services/documents/documents.parts';
import { certificateActions } from './certificate-actions';

/**
 * Rendered documents (PDF). A function of its own because rendering pulls pdfkit, qrcode and a font
 * (about 1 MB and more): booking and the everyday calls stay lean. `renders` tells the build and the
 * bundle test so.
 */
export const documentsFunction = defineFunction('documents', { ...certificateActions }, { renders: true, services: { certificates: certificatesPart } });

export const main = documentsFunction.main;
