/**
 * The recognition corpus (issue 11 §7): realistic bureau workbooks, each with hand-checked expectations,
 * run through the CLI exactly as a user would. It prints how many are recognised and scored right, and
 * fails only on regressions: a case outside known-failing.json that fails, or a stale entry there.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CaseSpec } from "../fixtures/corpus/case";
import { generateCorpus, type GeneratedCorpus } from "../fixtures/corpus/generate";
import { compareCase, type CliRun } from "./compare";
import knownFailing from "./known-failing.json";
import { expectedUnits } from "./oracle";
import { assessArgs, runCliBinary, runCliInProcess } from "./run-cli";

const KNOWN: Readonly<Record<string, string>> = knownFailing;
/** Unit-column headers real workbooks use (issue 11), each of which some case must carry. */
const UNIT_HEADERS = [
  "责任单位",
  "乡镇（街道）",
  "镇街",
  "街道",
  "园区",
  "开发区",
  "部门",
  "责任部门",
  "责任属地",
  "牵头单位",
  "牵头部门",
  "产业小组",
  "专班",
  "专班名称",
  "产业链专班",
  "产业招商团组",
  "招商单位",
  "驻外分局",
  "驻外招商分局",
  "考核对象",
  "被考核单位",
  "所属乡镇",
  "所属专班",
  "单位名称",
  "名 称",
  "Responsible Unit",
];
/** Run through the real binary too: a scored case and an error case. */
const SPAWNED = ["city-seed001-separate", "error-no-actuals-source"];

const dir = mkdtempSync(join(tmpdir(), "scorecard-corpus-"));
let corpus: GeneratedCorpus;
const runs = new Map<string, CliRun>();
const verdicts = new Map<string, string[]>();
/** The binary runs start right after generation and proceed on the other core while the in-process runs go on. */
let binaryRuns: Promise<{ spec: CaseSpec; run: CliRun }[]>;

async function runBinaries(specs: readonly CaseSpec[]): Promise<{ spec: CaseSpec; run: CliRun }[]> {
  const out: { spec: CaseSpec; run: CliRun }[] = [];
  for (const spec of specs)
    out.push({ spec, run: await runCliBinary(assessArgs(join(dir, spec.file), spec.args)) });
  return out;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

beforeAll(async () => {
  corpus = await generateCorpus(dir, { warn: (m) => console.warn(m) });
  binaryRuns = runBinaries(corpus.specs.filter((s) => SPAWNED.includes(s.id)));
  for (const spec of corpus.specs) {
    const run = await runCliInProcess(assessArgs(join(dir, spec.file), spec.args));
    runs.set(spec.id, run);
    verdicts.set(spec.id, compareCase(spec, run));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("recognition corpus", () => {
  it("has the variety issue 11 asks for", () => {
    const cases = corpus.cases;
    const count = (p: (c: (typeof cases)[number]) => boolean): number => cases.filter(p).length;
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(count((c) => c.id.startsWith("error-"))).toBeGreaterThanOrEqual(5);
    expect(count((c) => c.producer === "openpyxl")).toBeGreaterThanOrEqual(5);
    expect(count((c) => c.producer === "xlsxwriter")).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.producer === "libreoffice")).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.language === "zh-Hant")).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.language === "en")).toBeGreaterThanOrEqual(3);
    expect(count((c) => (c.hand?.length ?? 0) > 0)).toBeGreaterThanOrEqual(10);
    const headers = new Set(
      cases.flatMap((c) =>
        c.layout.sheets.flatMap((s) => s.rows.filter((_, r) => s.rowStyles[r] === "header").flat())
      )
    );
    expect(UNIT_HEADERS.filter((word) => !headers.has(word))).toEqual([]);
  });

  it("its oracle agrees with the numbers written by hand", () => {
    for (const c of corpus.cases) {
      if (!c.truth || !c.hand) continue;
      const units = new Map(expectedUnits(c.truth).map((u) => [u.unit, u]));
      for (const hand of c.hand) {
        const u = units.get(hand.unit);
        const where = `${c.id} / ${hand.unit}`;
        expect([where, u !== undefined]).toEqual([where, true]);
        if (!u) continue;
        if (hand.rank !== undefined) expect([where, u.rank]).toEqual([where, hand.rank]);
        if (hand.groupRank !== undefined)
          expect([where, u.groupRank]).toEqual([where, hand.groupRank]);
        if (hand.score !== undefined)
          expect([where, Math.abs(u.score - hand.score) <= 0.001]).toEqual([where, true]);
        for (const [label, rate] of Object.entries(hand.rates ?? {})) {
          const got = u.indicators[label]?.rate;
          if (rate === null) expect([where, label, got]).toEqual([where, label, null]);
          else
            expect([where, label, Math.abs((got ?? NaN) - rate) <= 0.0005]).toEqual([
              where,
              label,
              true,
            ]);
        }
        for (const [label, actual] of Object.entries(hand.actuals ?? {}))
          expect([where, label, u.indicators[label]?.actual]).toEqual([where, label, actual]);
      }
    }
  });

  it("recognises and scores the workbooks, with no regression against known-failing.json", () => {
    const ids = new Set(corpus.cases.map((c) => c.id));
    const stale = Object.keys(KNOWN).filter((id) => !ids.has(id));
    const passing = corpus.specs.filter((s) => (verdicts.get(s.id) ?? []).length === 0);
    const lines = [
      `corpus: ${passing.length}/${corpus.specs.length} workbooks recognised and scored right`,
    ];
    if (corpus.skipped.length)
      lines.push(
        `corpus: ${corpus.skipped.length} skipped (producer missing): ${corpus.skipped.map((s) => s.id).join(", ")}`
      );
    const regressions: string[] = [];
    for (const spec of corpus.specs) {
      const diffs = verdicts.get(spec.id) ?? [];
      if (diffs.length === 0) {
        if (spec.id in KNOWN)
          lines.push(`now passes: ${spec.id} — remove it from known-failing.json`);
        continue;
      }
      const known = spec.id in KNOWN;
      lines.push(`  ${known ? "known " : "REGRESSION "}${spec.id}: ${diffs.join("; ")}`);
      if (!known) regressions.push(spec.id);
    }
    say(lines.join("\n"));
    expect({ regressions, staleKnownFailing: stale }).toEqual({
      regressions: [],
      staleKnownFailing: [],
    });
  });

  it("the scorecard binary reaches the same verdicts as the in-process CLI", async () => {
    const spawned = await binaryRuns;
    expect(spawned.map((r) => r.spec.id).sort()).toEqual([...SPAWNED].sort());
    for (const { spec, run } of spawned)
      expect([spec.id, run.exitCode, compareCase(spec, run)]).toEqual([
        spec.id,
        runs.get(spec.id)?.exitCode,
        verdicts.get(spec.id),
      ]);
  });
});
