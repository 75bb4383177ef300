/**
 * LibreOffice's reading of a workbook: every sheet converted to CSV by `soffice --headless`, one start-up for many
 * files. Results are cached by the file's bytes under test-output/libreoffice-csv/, so an unchanged file is never
 * converted twice.
 */
import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";

const CACHE = join(__dirname, "..", "..", "..", "test-output", "libreoffice-csv");
/** CSV, comma, double quote, UTF-8, formatted as shown, every sheet to its own file. */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

export function hasSoffice(): boolean {
  return spawnSync("sh", ["-c", "command -v soffice"], { stdio: "ignore" }).status === 0;
}

/** Sheet name → CSV text. */
export type SheetCsv = ReadonlyMap<string, string>;

function digest(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 24);
}

function readCached(dir: string): SheetCsv {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => [f.slice(0, -4), readFileSync(join(dir, f), "utf8")])
  );
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile("soffice", args, { timeout: 300_000 }, (err) => (err ? reject(err) : resolve()))
  );
}

/** Each file's sheets as LibreOffice reads them, keyed by the file's path. */
export async function libreOfficeCsv(paths: readonly string[]): Promise<Map<string, SheetCsv>> {
  const keys = new Map(paths.map((p) => [p, digest(p)]));
  const todo = [...new Set([...keys.values()])].filter((k) => !existsSync(join(CACHE, k)));
  if (todo.length > 0) {
    mkdirSync(CACHE, { recursive: true });
    const work = mkdtempSync(join(tmpdir(), "lo-csv-"));
    try {
      const inputs: string[] = [];
      for (const key of todo) {
        const path = paths.find((p) => keys.get(p) === key) as string;
        const input = join(work, `${key}${extname(path)}`);
        copyFileSync(path, input);
        inputs.push(input);
      }
      const out = join(work, "out");
      await run([
        `-env:UserInstallation=file://${join(work, "profile")}`,
        "--headless",
        "--convert-to",
        CSV_FILTER,
        "--outdir",
        out,
        ...inputs,
      ]);
      const files = existsSync(out) ? readdirSync(out) : [];
      for (const key of todo) {
        const dir = join(work, key);
        mkdirSync(dir);
        for (const f of files.filter((f) => f.startsWith(`${key}-`)))
          renameSync(join(out, f), join(dir, f.slice(key.length + 1)));
        if (readdirSync(dir).length > 0) {
          try {
            renameSync(dir, join(CACHE, key));
          } catch {
            // Another worker cached the same file.
          }
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return new Map(
    paths.map((p) => {
      const dir = join(CACHE, keys.get(p) as string);
      return [p, existsSync(dir) ? readCached(dir) : new Map()];
    })
  );
}
