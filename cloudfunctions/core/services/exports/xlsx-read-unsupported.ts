/**
 * Stands in for exceljs' read-only dependencies (unzipper, fast-csv) in the exports bundle
 * (scripts/build-functions.ts): the exports only write workbooks, and reading parts are about
 * 0.4 MB (toolchain.md: 1.08 MB bundled, 0.70 MB write-only). exceljs requires them when it loads
 * and calls them only to read a file or a CSV, which nothing here does. A CommonJS export, as
 * exceljs requires it.
 */
function readingUnsupported(): never {
  throw new Error('reading XLSX or CSV is not part of the exports bundle: it only writes workbooks');
}

export = { Parse: readingUnsupported, Open: readingUnsupported, parse: readingUnsupported, parseStream: readingUnsupported, parseString: readingUnsupported, format: readingUnsupported, writeToString: readingUnsupported };
