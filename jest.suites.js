/**
 * Which Jest tests are integration tests: they drive external programs (LibreOffice, Python's openpyxl and
 * xlsxwriter), generate and assess whole corpora, or fuzz the full file path. `npm test` (jest.config.js) runs
 * everything else; `npm run test:integration` (jest.integration.config.js) runs these; CI runs both.
 */
const INTEGRATION_TESTS = [
  "<rootDir>/test/cli/bin.test.ts",
  "<rootDir>/test/cli/meeting-pdf.test.ts",
  "<rootDir>/test/corpus/",
  "<rootDir>/test/fuzz/",
  "<rootDir>/test/hostile/",
  "<rootDir>/test/workbook/xlsx-package/fidelity-corpus.test.ts",
  "<rootDir>/test/workbook/exceljs/read-tolerant.test.ts",
];

module.exports = { INTEGRATION_TESTS };
