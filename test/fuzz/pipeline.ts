/**
 * The whole file path of the product on one workbook — read → recognise → validate → assess → WritePlan → write →
 * re-read — with the invariants the fuzz holds it to. Each violation throws a FuzzFinding naming the invariant.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { assessWorkbook, type Assessment } from "../../src/core/assess";
import { createFileHost } from "../../src/workbook/exceljs/file-host";
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  parseA1,
  type SheetGrid,
  type WorkbookGrid,
} from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { recognizeWorkbook } from "../../src/core/recognize";
import { planOutputs } from "../../src/core/report";
import { collectIssues, defaultValidationContext } from "../../src/core/validate";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";
import { fuzzXlsx, type FuzzWorkbook } from "./workbooks";

export class FuzzFinding extends Error {
  constructor(
    readonly invariant: string,
    detail: string
  ) {
    super(`${invariant}: ${detail}`);
    this.name = "FuzzFinding";
  }
}

const NOW = new Date(Date.UTC(2025, 0, 20, 8));

/** Every issue names a sheet of the workbook and a real cell of Excel's grid, its row agreeing with the cell. */
export function checkIssueCells(grid: WorkbookGrid, issues: readonly Issue[]): void {
  const names = new Set(grid.sheets.map((s) => s.name));
  for (const issue of issues) {
    const where = `${issue.code} at ${JSON.stringify(issue.sheet)}!${issue.cell}`;
    if (names.size > 0 && !names.has(issue.sheet))
      throw new FuzzFinding("issue names a missing sheet", where);
    let cell: { row: number; col: number };
    try {
      cell = parseA1(issue.cell);
    } catch {
      throw new FuzzFinding("issue cell is not an A1 address", where);
    }
    if (cell.row < 0 || cell.row >= EXCEL_MAX_ROWS || cell.col < 0 || cell.col >= EXCEL_MAX_COLUMNS)
      throw new FuzzFinding("issue cell is outside Excel's grid", where);
    if (issue.row !== cell.row + 1)
      throw new FuzzFinding("issue row disagrees with its cell", `${where} row ${issue.row}`);
    if (!issue.message_zh || !issue.message_en)
      throw new FuzzFinding("issue without a message", where);
  }
}

interface Ranked {
  readonly unit: string;
  readonly rank: number;
  readonly score: number;
}

/** `members` form a standard competition ranking (1, 1, 3) ordered by score; `what` names them in a finding. */
function checkCompetition(what: string, members: readonly Ranked[]): void {
  const sorted = [...members].sort((a, b) => a.rank - b.rank);
  sorted.forEach((u, i) => {
    const where = `${what}: ${sorted.map((x) => `${x.unit}=${x.rank}/${x.score}`).join(", ")}`;
    if (!Number.isInteger(u.rank) || u.rank < 1)
      throw new FuzzFinding("rank is not a positive integer", where);
    if (!Number.isFinite(u.score)) throw new FuzzFinding("score is not finite", where);
    if (i === 0 && u.rank !== 1) throw new FuzzFinding("the best rank is not 1", where);
    const prev = sorted[i - 1];
    if (!prev) return;
    if (u.rank !== prev.rank && u.rank !== i + 1)
      throw new FuzzFinding("ranks skip wrongly (not 1, 1, 3)", where);
    if (u.score > prev.score + 1e-6)
      throw new FuzzFinding("a lower rank has a higher score", where);
    if (u.rank === prev.rank && Math.abs(u.score - prev.score) > 1e-6)
      throw new FuzzFinding("a shared rank between different scores", where);
  });
}

/**
 * Standard competition rankings (1, 1, 3) ordered by score: `rank` over every unit, and with grouping on,
 * `groupRank` within each group (SPEC §6: grouping ranks within each group; 考核排名 shows the group rank).
 */
export function checkRanks(assessment: Assessment): void {
  const results = assessment.results;
  if (!results) return;
  checkCompetition("all units", results.units);
  const groups = new Map<string | null, Ranked[]>();
  for (const u of results.units) {
    if (u.groupRank === null) {
      if (results.grouping)
        throw new FuzzFinding("a unit without a group rank in a grouped ranking", u.unit);
      continue;
    }
    if (!results.grouping)
      throw new FuzzFinding("a group rank in an ungrouped ranking", `${u.unit}=${u.groupRank}`);
    groups.set(u.group, [
      ...(groups.get(u.group) ?? []),
      { unit: u.unit, rank: u.groupRank, score: u.score },
    ]);
  }
  for (const [group, members] of groups)
    checkCompetition(`group ${JSON.stringify(group)}`, members);
}

/** Values compared as the reader gives them: NaN equals NaN, -0 equals 0 (a file has no negative zero). */
function sameSheet(a: SheetGrid, b: SheetGrid): boolean {
  const norm = (s: SheetGrid): unknown => ({
    hidden: s.hidden,
    rows: s.rows.map((r) =>
      r.map((v) => (typeof v === "number" && Number.isNaN(v) ? "NaN" : v === 0 ? 0 : v))
    ),
    merges: s.merges,
    numberFormats: [...s.numberFormats].sort(),
    hiddenColumns: [...s.hiddenColumns].sort(),
  });
  return isDeepStrictEqual(norm(a), norm(b));
}

/**
 * Every sheet read from the input reads the same from the written copy, under the same name — a user's sheet that
 * happens to carry the product's state-sheet name included (the product keeps its state elsewhere then).
 */
export function checkRoundTrip(before: WorkbookGrid, after: WorkbookGrid): void {
  for (const sheet of before.sheets) {
    const again = after.sheets.find((s) => s.name === sheet.name);
    if (!again) throw new FuzzFinding("a source sheet is gone from the written copy", sheet.name);
    if (!sameSheet(sheet, again)) {
      const r = sheet.rows.findIndex((row, i) => !isDeepStrictEqual(row, again.rows[i]));
      throw new FuzzFinding(
        "a source sheet changed in the written copy",
        `${sheet.name} row ${r + 1}: ${JSON.stringify(sheet.rows[r])} → ${JSON.stringify(again.rows[r])}`
      );
    }
  }
}

export interface PipelineOptions {
  /** Write the assessed copy and read it back (default); false stops after the WritePlan. */
  readonly write?: boolean;
}

/** Runs the pipeline on `workbook` in `dir` (its own folder); throws a FuzzFinding or whatever escaped. */
export async function runPipeline(
  workbook: FuzzWorkbook,
  dir: string,
  options: PipelineOptions = {}
): Promise<Assessment> {
  const input = join(dir, "in.xlsx");
  await writeFile(input, await fuzzXlsx(workbook));
  // The CLI's path: the file read once by the streaming reader, results written into its own package.
  const host = createFileHost(input);
  const grid = await host.readGrid();

  // scorecard check's path, then assess's
  const recognition = recognizeWorkbook(grid);
  checkIssueCells(
    grid,
    collectIssues(recognition, defaultValidationContext(new Date(`${workbook.asOf}T00:00:00Z`)))
  );
  const assessment = assessWorkbook(grid, { asOf: workbook.asOf, now: NOW });
  checkIssueCells(grid, assessment.issues);
  checkRanks(assessment);

  const plan = planOutputs(assessment, { now: NOW, source: "in.xlsx" });
  if (options.write === false) return assessment;
  const output = join(dir, "out.xlsx");
  await host.applyPlan(plan);
  await host.save(output);
  checkRoundTrip(grid, await readWorkbookFile(output));
  return assessment;
}
