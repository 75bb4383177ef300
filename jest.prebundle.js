/**
 * Jest loads every module afresh for each test file, through its own registry: ExcelJS alone is about 660 modules,
 * close to a CPU-second in every test file that touches a workbook, and zod is in nearly every one. Both suites
 * map these packages to one esbuild bundle each, which loads in about a quarter of the time. A bundle is built
 * once per installed version (and esbuild version) into node_modules/.cache; the product itself and the CLI load
 * the packages as installed.
 */
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");

const PACKAGES = ["exceljs", "zod"];
const CACHE = path.join(__dirname, "node_modules", ".cache", "scorecard-jest");

function bundled(name) {
  const { version } = require(`${name}/package.json`);
  const file = path.join(CACHE, `${name}-${version}.esbuild-${esbuild.version}.cjs`);
  if (fs.existsSync(file)) return file;
  const [output] = esbuild.buildSync({
    entryPoints: [require.resolve(name)],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "error",
  }).outputFiles;
  fs.mkdirSync(CACHE, { recursive: true });
  // Two Jest runs may build at once: each writes its own file and renames it into place whole.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, output.contents);
  fs.renameSync(temp, file);
  return file;
}

/** moduleNameMapper entries: each package's exact name to its bundle. */
const PREBUNDLED = Object.fromEntries(PACKAGES.map((name) => [`^${name}$`, bundled(name)]));

module.exports = { PREBUNDLED };
