// What the CLI takes from ExcelJS: the Workbook (to build its own sheets) and the enums. ExcelJS's main module
// also loads its streaming reader and writer with their dependencies, which the CLI never uses (it reads with its
// own streaming reader): a good part of ExcelJS's load time. bin/cli-bundle.cjs aliases `exceljs` to this file.
// The Workbook (with the whole XLSX writer behind it, about a quarter of a second of CPU) is loaded on first use:
// only commands that write a workbook pay for it, not `check` or `assess` without --out.
"use strict";
const { createRequire } = require("node:module");
// A specifier in a variable: esbuild leaves it to Node instead of aliasing it back to this file.
const pkg = "exceljs";
const exceljsRequire = createRequire(require.resolve(pkg));
module.exports = { ...exceljsRequire("./lib/doc/enums") };
Object.defineProperty(module.exports, "Workbook", {
  enumerable: true,
  get: () => exceljsRequire("./lib/doc/workbook"),
});
