// JSZip for the CLI, loaded on first use. Only the DOM reader of small files (src/workbook/exceljs/read-package.ts)
// needs it; the streaming reader and the package writer have zip code of their own. Loading it at every start cost
// about 50–100 ms of CPU that `assess` on a large ledger never used. bin/cli-bundle.cjs aliases `jszip` to this file.
"use strict";
// A specifier in a variable: esbuild leaves it to Node instead of aliasing it back to this file.
const pkg = "jszip";
let loaded = null;
const load = () => (loaded ??= require(pkg));
// `new JSZip()` and `JSZip.loadAsync(…)` are all read-package.ts uses.
function JSZip(...args) {
  return new (load())(...args);
}
JSZip.loadAsync = (...args) => load().loadAsync(...args);
module.exports = JSZip;
