import { documentTypeOf, safeDocumentName } from './document-file';

describe('document files', () => {
  it('keeps an export’s Chinese name and its type, and replaces what a file system may refuse', () => {
    expect(safeDocumentName('南大街-预约明细-2026-01-01至2026-12-01-20261201.xlsx', 'xlsx')).toBe('南大街-预约明细-2026-01-01至2026-12-01-20261201.xlsx');
    expect(safeDocumentName('../a/b:c.pdf', 'pdf')).toBe('_a_b_c.pdf');
    expect(safeDocumentName('certificate-ZS-2026-ABCD-EFGH.pdf', 'pdf')).toBe('certificate-ZS-2026-ABCD-EFGH.pdf');
    expect(safeDocumentName('', 'xlsx')).toBe('document.xlsx');
  });

  it('tells a workbook from a PDF by its type or its name', () => {
    expect(documentTypeOf({ fileName: 'x', base64: '', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toBe('xlsx');
    expect(documentTypeOf({ fileName: 'x.xlsx', base64: '' })).toBe('xlsx');
    expect(documentTypeOf({ fileName: 'certificate.pdf', base64: '', mimeType: 'application/pdf' })).toBe('pdf');
  });
});
