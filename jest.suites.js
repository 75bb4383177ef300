/**
 * Which Jest tests are integration tests: they drive external programs (LibreOffice, Python's openpyxl and
 * xlsxwriter), generate and assess whole corpora, fuzz the full file path, run whole CLI commands on real files,
 * round-trip real .xlsx packages through the readers and writers, build inputs at Excel's limits, or walk long
 * UI flows on the real engine. `npm test` (jest.config.js) runs everything else, the fast checks a change wants
 * first; `npm run test:integration` (jest.integration.config.js) runs these; CI runs both.
 */
const INTEGRATION_TESTS = [
  "<rootDir>/test/cli/bin.test.ts",
  "<rootDir>/test/cli/meeting-pdf.test.ts",
  "<rootDir>/test/corpus/",
  // The fuzz's 20-case sample and its regressions; test/fuzz/sample.test.ts (five cases) stays in the unit suite.
  "<rootDir>/test/fuzz/pipeline.test.ts",
  "<rootDir>/test/hostile/",
  "<rootDir>/test/workbook/xlsx-package/fidelity-corpus.test.ts",
  "<rootDir>/test/workbook/exceljs/read-tolerant.test.ts",
  // Whole CLI commands writing real files.
  "<rootDir>/test/cli/demo-template.test.ts",
  "<rootDir>/test/cli/write-back.test.ts",
  "<rootDir>/test/cli/write-back-fidelity.test.ts",
  "<rootDir>/test/cli/interrupt.test.ts",
  "<rootDir>/test/cli/check.test.ts",
  "<rootDir>/test/cli/assess.test.ts",
  "<rootDir>/test/cli/overrides.test.ts",
  "<rootDir>/test/cli/contract.test.ts",
  // Real .xlsx round trips: the streaming reader against the DOM reader, byte equality, every string's text.
  "<rootDir>/test/workbook/exceljs/read-stream.test.ts",
  // openpyxl writes a report whose formulas carry no results (a Python child process).
  "<rootDir>/test/workbook/exceljs/read-formulas.test.ts",
  // Files written by XlsxWriter the way other producers write them (a Python child process).
  "<rootDir>/test/workbook/exceljs/read-producers.test.ts",
  "<rootDir>/test/workbook/exceljs/same-bytes.test.ts",
  "<rootDir>/test/workbook/exceljs/in-thread-codec.test.ts",
  "<rootDir>/test/workbook/exceljs/text-safety.test.ts",
  "<rootDir>/test/workbook/xlsx-package/surgical-write.test.ts",
  "<rootDir>/test/workbook/xlsx-package/chart-parts.test.ts",
  // Inputs at Excel's limits: a ranking wider than its 16,384 columns, 100,000- and 60,000-row sheets through the
  // Office.js adapter's batching.
  "<rootDir>/test/core/report/ranking-limit.test.ts",
  "<rootDir>/test/workbook/office/sync-count.test.ts",
  "<rootDir>/test/workbook/office/large-write.test.ts",
  // The seeded fuzz of the whole assessment (the recognition and rules properties stay in the unit suite).
  "<rootDir>/test/core/assess/fuzz.test.ts",
  // Long UI flows on the real engine (the screens' own tests stay in the unit suite, over a fake session).
  "<rootDir>/test/ui/app-engine.test.tsx",
  // The screens' flows again in en-US (pane.test.tsx walks them in zh-CN).
  "<rootDir>/test/ui/pane-en-us.test.tsx",
  "<rootDir>/test/web/web-app.test.tsx",
];

module.exports = { INTEGRATION_TESTS };
