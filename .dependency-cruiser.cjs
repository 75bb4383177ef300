/**
 * The architecture rules (SPEC §3), checked by `npm run lint`: dependencies point inward
 * (shells → ui → app → workbook → core), core is pure, shells never import each other, no cycles.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const SHELLS = "(taskpane|commands|web|cli)";

module.exports = {
  forbidden: [
    {
      name: "core-imports-nothing-outward",
      comment: "src/core is the engine: it runs unchanged in Node, a browser, a worker and Excel.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/(?!core/)" },
    },
    {
      name: "core-is-host-agnostic",
      comment: "No Node built-in, Office, React, Fluent or ExcelJS module in src/core.",
      severity: "error",
      from: { path: "^src/core/" },
      to: {
        dependencyTypes: [
          "core",
          "npm",
          "npm-dev",
          "npm-optional",
          "npm-peer",
          "npm-no-pkg",
          "npm-unknown",
        ],
        pathNot: "^node_modules/zod/",
      },
    },
    {
      name: "adapters-know-no-shell",
      comment:
        "src/workbook (the port and its Office.js and ExcelJS adapters) knows nothing above it.",
      severity: "error",
      from: { path: "^src/workbook/" },
      to: { path: `^src/(app|ui|${SHELLS.slice(1, -1)})/` },
    },
    {
      name: "office-adapter-and-exceljs-adapter-stay-apart",
      severity: "error",
      from: { path: "^src/workbook/(office|exceljs)/" },
      to: { path: "^src/workbook/(office|exceljs)/", pathNot: "^src/workbook/$1/" },
    },
    {
      name: "app-knows-no-screen-or-shell",
      comment: "src/app is what every shell drives; it must not depend on any of them.",
      severity: "error",
      from: { path: "^src/app/" },
      to: { path: `^src/(ui|${SHELLS.slice(1, -1)})/` },
    },
    {
      name: "screens-know-no-shell",
      severity: "error",
      from: { path: "^src/ui/" },
      to: { path: `^src/${SHELLS}/` },
    },
    {
      name: "shells-do-not-import-each-other",
      severity: "error",
      from: { path: `^src/${SHELLS}/` },
      to: { path: `^src/${SHELLS}/`, pathNot: "^src/$1/" },
    },
    {
      name: "no-cycles",
      comment:
        "Module-level import cycles (a cycle through a type-only import has no load order to break).",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-folder-cycles",
      comment:
        "Folders form layers too: two folders that import each other are one idea split in two, or a shared " +
        "vocabulary (core/plan is the one WritePlan, sheet builder and product-sheet names) that belongs below both.",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
