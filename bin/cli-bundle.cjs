// The CLI as one precompiled CommonJS file (esbuild, dependencies left in node_modules), rebuilt only when a
// source it was built from has changed: a run starts without compiling TypeScript, and still works right after
// `npm ci` on a fresh clone, or after an edit, with no build step to remember.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
// Under node_modules: ignored by git, lint and prettier, and gone with a fresh `npm ci` (built against its packages).
const OUT_DIR = path.join(ROOT, "node_modules", ".cache", "scorecard-cli");
const BUNDLE = path.join(OUT_DIR, "scorecard.cjs");
/** The inputs the bundle was built from, with their sizes and modification times: what "fresh" is checked against. */
const INPUTS = path.join(OUT_DIR, "inputs.json");

/** Every input unchanged since the last build (same size and mtime), and the bundle present. */
function isFresh() {
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(INPUTS, "utf8"));
    if (!fs.existsSync(BUNDLE)) return false;
  } catch {
    return false;
  }
  for (const [file, size, mtimeMs] of inputs) {
    const s = fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    if (!s || s.size !== size || s.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/** Writes through a temporary name and renames, so a concurrent run never reads half a file. */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/**
 * Bundles src/cli with esbuild into OUT_DIR. Returns "built", "failed" (esbuild printed the sources' errors) or
 * "unwritable" (node_modules is read-only, as in some global installs).
 */
function build() {
  const esbuild = require("esbuild");
  let result;
  try {
    result = esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: ["src/cli/index.ts"],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      // ExcelJS's internals are loaded from its own folder (src/workbook/exceljs/read-internals.ts): one copy.
      packages: "external",
      // ExcelJS without its stream reader and writer, which the CLI does not use (bin/exceljs-cli.cjs); JSZip
      // loaded on first use (bin/jszip-cli.cjs).
      alias: { exceljs: "./bin/exceljs-cli.cjs", jszip: "./bin/jszip-cli.cjs" },
      outfile: BUNDLE,
      // Read only when SCORECARD_DEBUG asks for stack traces (bin/scorecard.cjs): they then name the sources.
      sourcemap: "linked",
      write: false,
      metafile: true,
      logLevel: "error",
    });
  } catch {
    return "failed";
  }
  const sources = [
    ...Object.keys(result.metafile.inputs),
    "tsconfig.json",
    "bin/exceljs-cli.cjs",
    "bin/jszip-cli.cjs",
    path.relative(ROOT, __filename),
  ];
  const inputs = sources.map((file) => {
    const s = fs.statSync(path.join(ROOT, file));
    return [file, s.size, s.mtimeMs];
  });
  try {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    for (const out of result.outputFiles) writeAtomically(out.path, out.contents);
    writeAtomically(INPUTS, JSON.stringify(inputs));
  } catch {
    return "unwritable";
  }
  return "built";
}

/**
 * The CLI module (exports `main`): the up-to-date bundle, built first when needed; where it cannot be written,
 * the TypeScript sources through tsx (slower to start, same behaviour). Null when the sources do not build.
 */
function loadCli() {
  const state = isFresh() ? "built" : build();
  if (state === "failed") return null;
  if (state === "built") return require(BUNDLE);
  require("tsx/cjs/api").register();
  return require(path.join(ROOT, "src", "cli", "main.ts"));
}

module.exports = { loadCli, BUNDLE };

if (require.main === module) process.exitCode = build() === "built" ? 0 : 1;
