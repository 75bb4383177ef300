/**
 * The formula workbook recalculated by LibreOffice headless: `soffice --convert-to csv` of the summary sheet,
 * which computes every formula that has no cached value. One profile per benchmark run, initialised by an
 * untimed first conversion, so later conversions start as a person's LibreOffice would; an empty workbook's
 * conversion is timed apart as the start-up cost. Peak RSS through GNU time where installed.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { figuresOf, SUMMARY_SHEET, type PeerFigures } from "./formula-peer";

export function sofficePath(): string | null {
  for (const candidate of [
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const GNU_TIME = "/usr/bin/time";
/** CSV, UTF-8, from line 1, full precision (not "as shown"), sheet 2 (the summary). */
const FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2";

export interface Conversion {
  readonly seconds: number;
  /** User + system CPU seconds of the LibreOffice processes; NaN without GNU time. */
  readonly cpu: number;
  readonly figures: PeerFigures;
  /** Peak RSS of the LibreOffice processes, MB; NaN without GNU time. */
  readonly peakRssMb: number;
}

export interface LibreOffice {
  convert(xlsx: string): Conversion;
  /** True when the profile is new: its first launch (slower, untimed) is still to come. */
  readonly needsFirstLaunch: boolean;
  /** Keeps the now initialised profile for later runs (when a cache folder was given). */
  keepProfile(): void;
  dispose(): void;
}

export interface LibreOfficeOptions {
  /** `soffice --version`'s text, to seed the profile; null keeps LibreOffice's self-tests at every launch. */
  readonly version: string | null;
  /**
   * Where an initialised profile is kept between runs (copied into each run's own profile, so concurrent runs
   * never share one): a run then needs no untimed first launch. Null: a fresh profile every run.
   */
  readonly profileCache: string | null;
}

function csvRows(text: string): string[][] {
  // The summary holds unit names and numbers only: no quoted commas.
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
}

/** "7.4" from "LibreOffice 7.4.7.2 40(Build:2)"; null when the version cannot be read. */
export function productVersion(versionText: string): string | null {
  const m = /(\d+)\.(\d+)\.\d+/.exec(versionText);
  return m ? `${m[1]}.${m[2]}` : null;
}

/**
 * A profile that says this version has run before. LibreOffice runs its graphics render self-tests (about 100
 * drawings into bitmaps, ~6 s of CPU here) whenever `ooSetupLastVersion` is older than itself, and a headless
 * conversion never records the version it ran, so without this every launch pays them. A person's LibreOffice
 * runs them once after an upgrade, not at every start: leaving them in made LibreOffice's start-up (and every
 * ratio against it) about five times too slow. Without a readable version the tests stay in.
 */
function seedProfile(profile: string, version: string | null): void {
  if (!version) return;
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      `<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>${version}</value></prop></item>`,
      "</oor:items>",
      "",
    ].join("\n")
  );
}

export function openLibreOffice(soffice: string, options: LibreOfficeOptions): LibreOffice {
  const profile = mkdtempSync(join(tmpdir(), "bench-lo-profile-"));
  const cached = options.profileCache !== null && existsSync(options.profileCache);
  if (cached && options.profileCache) cpSync(options.profileCache, profile, { recursive: true });
  else seedProfile(profile, options.version === null ? null : productVersion(options.version));
  const out = mkdtempSync(join(tmpdir(), "bench-lo-"));
  const timed = existsSync(GNU_TIME);
  const usageFile = join(out, "usage.txt");
  return {
    convert(xlsx) {
      const args = [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        FILTER,
        "--outdir",
        out,
        xlsx,
      ];
      const started = process.hrtime.bigint();
      if (timed)
        execFileSync(GNU_TIME, ["-f", "%M %U %S", "-o", usageFile, soffice, ...args], {
          stdio: "ignore",
        });
      else execFileSync(soffice, args, { stdio: "ignore" });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const name = basename(xlsx).replace(/\.xlsx$/, "");
      const csv = [join(out, `${name}-${SUMMARY_SHEET}.csv`), join(out, `${name}.csv`)].find(
        existsSync
      );
      const figures = figuresOf(csv ? csvRows(readFileSync(csv, "utf8")) : []);
      if (csv) rmSync(csv);
      const [kb, user, sys] = timed
        ? readFileSync(usageFile, "utf8").trim().split(/\s+/).map(Number)
        : [NaN, NaN, NaN];
      return {
        seconds,
        cpu: (user ?? NaN) + (sys ?? NaN),
        figures,
        peakRssMb: (kb ?? NaN) / 1024,
      };
    },
    needsFirstLaunch: !cached,
    keepProfile() {
      const keep = options.profileCache;
      if (keep === null || existsSync(keep)) return;
      // Copied under a temporary name and renamed: another run never sees half a profile.
      const temp = `${keep}.${process.pid}.partial`;
      cpSync(profile, temp, { recursive: true });
      try {
        renameSync(temp, keep);
      } catch {
        rmSync(temp, { recursive: true, force: true }); // another run kept one first
      }
    },
    dispose() {
      rmSync(out, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
