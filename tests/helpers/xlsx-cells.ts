import ExcelJS from 'exceljs';

/** A workbook read back with exceljs: each sheet's cells as text, row by row, and the sheets themselves for merges. */
export async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rowsOf = (name: string): string[][] => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let column = 1; column <= sheet.columnCount; column += 1) {
        const value = row.getCell(column).value;
        cells.push(value === null || value === undefined ? '' : String(value));
      }
      rows.push(cells);
    });
    return rows;
  };
  const everyCell = () => workbook.worksheets.flatMap((sheet) => rowsOf(sheet.name).flat());
  return { workbook, rowsOf, everyCell, sheet: (name: string) => workbook.getWorksheet(name)! };
}
