/**
 * Hostile workbook content: blank-looking unit names, a title merged over the header, text longer than Excel's cell,
 * forged ownership markers, archived (renamed) output sheets, control characters, and the web page's CSP.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";
import { editedPackage } from "../workbook/exceljs/read-helpers";
import { check, expectCli, scorecardBook, type HostileCase } from "./case";
import { fileState } from "./cli-run";

interface JsonIssue {
  readonly code: string;
  readonly severity: string;
  readonly sheet: string;
  readonly cell: string;
  readonly message_en: string;
}

async function save(dir: string, name: string, wb: ExcelJS.Workbook): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await editedPackage(wb, {}));
  return path;
}

async function issuesOf(args: readonly string[]): Promise<readonly JsonIssue[]> {
  const r = await expectCli([...args, "--json"], { exit: [0, 1] });
  return (JSON.parse(r.stdout) as { issues: JsonIssue[] }).issues;
}

/** Targets and actuals with a title row whose merge is `merge` (on the targets sheet). */
function titledBook(merge: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, base] of [
    ["目标分解表", 10],
    ["完成情况表", 7],
  ] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(["2024年招商引资目标分解表"]);
    ws.addRow(["责任单位", "实际利用外资(亿美元)", "实际利用内资(亿元)"]);
    ["高新区", "经开区", "城东区"].forEach((u, i) => ws.addRow([u, base + i, 2 * base + i]));
    if (name === "目标分解表") ws.mergeCells(merge);
  }
  return wb;
}

const LONG = "长".repeat(40_000);

export const CONTENT_CASES: HostileCase[] = [
  {
    id: "W01",
    category: "control characters",
    input:
      "a unit name of spaces only (half- and full-width) in the targets, and projects with a blank unit",
    expected:
      "a warning unit_name_blank on that very row (targets: the row is not assessed; ledger: the project counts for no unit); check and assess agree",
    run: async (dir) => {
      const wb = scorecardBook();
      wb.getWorksheet("目标分解表")?.addRow(["   ", 9, 9]);
      wb.getWorksheet("目标分解表")?.addRow(["\u3000\u3000", 9, 9]);
      wb.getWorksheet("项目台账")?.addRow(["项目X", "  ", 8000, "签约"]);
      const path = await save(dir, "blank-units.xlsx", wb);
      for (const command of ["check", "assess"]) {
        const cells = (await issuesOf([command, path]))
          .filter((i) => i.code === "unit_name_blank")
          .map((i) => `${i.sheet}!${i.cell}`);
        check(
          ["目标分解表!A5", "目标分解表!A6", "项目台账!B5"].every((c) => cells.includes(c)),
          `${command}: unit_name_blank on ${cells.join(", ")}`
        );
      }
    },
  },
  {
    id: "W02",
    category: "giant range",
    input:
      "a title merged over the title and header rows (A1:C2), and a merge reaching from the header into the data (B1:C3)",
    expected:
      "check and assess both report merge_over_header naming the merge (was: check passed, assess failed)",
    run: async (dir) => {
      for (const merge of ["A1:C2", "B1:C3"]) {
        const path = await save(dir, `merged-${merge.replace(":", "-")}.xlsx`, titledBook(merge));
        for (const command of ["check", "assess"]) {
          const found = (await issuesOf([command, path])).filter(
            (i) => i.code === "merge_over_header"
          );
          check(
            found.length === 1 && found[0]?.message_en.includes(merge),
            `${command} ${merge}: ${JSON.stringify(found)}`
          );
        }
      }
    },
  },
  {
    id: "N01",
    category: "long text",
    input: "a 40,000-character unit name (over Excel's 32,767-character cell)",
    expected:
      "assess --out writes no cell over 32,767 characters (echoed text cut with an ellipsis and a text_truncated note); the source cell reads back whole",
    run: async (dir) => {
      const path = await save(dir, "long.xlsx", scorecardBook(["高新区", LONG, "城东区"]));
      const out = join(dir, "long.out.xlsx");
      await expectCli(["assess", path, "--out", out], { exit: [0, 1], unchanged: [path] });
      const sources = new Set((await readWorkbookFile(path)).sheets.map((s) => s.name));
      const back = await readWorkbookFile(out);
      for (const s of back.sheets.filter((b) => !sources.has(b.name)))
        for (const row of s.rows)
          for (const v of row)
            check(
              typeof v !== "string" || v.length <= 32_767,
              `${s.name} has a cell of ${String(v).length} characters`
            );
      const source = back.sheets.find((s) => s.name === "目标分解表");
      check(source?.rows[2]?.[0] === LONG, "the source cell changed");
    },
  },
  {
    id: "N02",
    category: "long text",
    input:
      "30,000-character text everywhere: title, header labels (one ending 完成情况), unit names, project names, amounts, stages, dates",
    expected:
      "read in linear time (a header regex was quadratic: 3 s of CPU per 40,000-character label); every human-readable line stays under 2,200 characters (names cut with …（共 N 字）), --json carries the text whole",
    run: async (dir) => {
      const long = (c: string): string => c.repeat(30_000);
      const wb = new ExcelJS.Workbook();
      const t = wb.addWorksheet("目标分解表");
      t.addRow([long("标")]);
      t.addRow([
        "责任单位",
        "实际利用外资(亿美元)",
        `${long("指")}(亿元)`,
        `${long("完")}完成情况`,
      ]);
      t.addRow([long("长"), 10, 5, 3]);
      t.addRow(["高新区", 10, 5, 3]);
      const a = wb.addWorksheet("完成情况表");
      a.addRow(["责任单位", "实际利用外资(亿美元)", `${long("指")}(亿元)`]);
      a.addRow([`${long("长")}区`, 8, 4]);
      a.addRow(["高新区", 8, 4]);
      const l = wb.addWorksheet("项目台账");
      l.addRow(["项目名称", "责任单位", "总投资(万元)", "项目阶段", "签约日期"]);
      for (let i = 0; i < 5; i++)
        l.addRow([
          long("项") + String(i),
          `${long("长")}镇`,
          long("1"),
          long("签"),
          `${long("2")}年`,
        ]);
      const path = await save(dir, "long-everywhere.xlsx", wb);
      for (const command of ["check", "assess"]) {
        const r = await expectCli([command, path], { exit: [0, 1], unchanged: [path] });
        const widest = Math.max(...r.stdout.split("\n").map((line) => line.length));
        check(widest < 2200, `${command} printed a line of ${widest} characters`);
      }
      const json = await expectCli(["assess", path, "--json"], { exit: [0, 1] });
      check(json.stdout.includes(long("长")), "--json does not carry the name whole");
    },
  },
  {
    id: "M01",
    category: "forged marker",
    input:
      "a user's sheet named 考核排名 with the old marker text [scorecard:ranking] in a cell, assessed --in-place",
    expected:
      "check calls it the user's (not output); assess keeps it cell for cell and writes its ranking to 考核排名 (2) (was: overwritten, exit 0)",
    proof:
      "also test/core/report/ownership.test.ts › forged ownership marker; test/cli/write-back.test.ts › ownership that cannot be forged (CLI)",
    run: async (dir) => {
      const wb = scorecardBook();
      const mine = wb.addWorksheet("考核排名");
      mine.addRow(["[scorecard:ranking]"]);
      mine.addRow(["我的排名", "手工", 1]);
      const path = await save(dir, "forged.xlsx", wb);
      const r = await expectCli(["check", path, "--json"], { exit: [0, 1] });
      const role = (
        JSON.parse(r.stdout) as { sheets: { name: string; role: string }[] }
      ).sheets.find((s) => s.name === "考核排名")?.role;
      check(role !== "output", `check calls the forged sheet ${String(role)}`);
      await expectCli(["assess", path, "--in-place"], { exit: [0, 1] });
      const back = await readWorkbookFile(path);
      const kept = back.sheets.find((s) => s.name === "考核排名");
      check(kept?.rows[1]?.[0] === "我的排名", "the user's 考核排名 was overwritten");
      check(
        back.sheets.some((s) => s.name === "考核排名 (2)"),
        "the ranking was not written beside it"
      );
    },
  },
  {
    id: "M02",
    category: "forged marker",
    input:
      "a user's own sheet named _scorecard_state (rows of theirs, one a signature-like row with a wrong digest), assessed --in-place twice",
    expected:
      "the user's sheet is kept cell for cell and never read as state; the state goes to _scorecard_state (2), is found there by its signature on the next run (replaced, no (3)); the pane lists the user's sheet and hides ours",
    proof:
      "also test/fuzz/pipeline.test.ts; test/app/session.test.ts › knows its state sheet by the signature; test/ui/sheets-screen.cases.tsx › hides the product's state sheet by its record",
    run: async (dir) => {
      const wb = scorecardBook();
      const mine = wb.addWorksheet("_scorecard_state");
      mine.addRow(["scorecard.state.v1", "not-the-digest"]);
      mine.addRow(["我的备忘", "下月复核"]);
      const path = await save(dir, "state-named.xlsx", wb);
      const before = (await readWorkbookFile(path)).sheets.find(
        (s) => s.name === "_scorecard_state"
      );
      for (const asOf of ["2024-05-31", "2024-06-30"]) {
        await expectCli(["assess", path, "--in-place", "--as-of", asOf], { exit: [0, 1] });
        const back = await readWorkbookFile(path);
        const kept = back.sheets.find((s) => s.name === "_scorecard_state");
        check(
          JSON.stringify(kept?.rows) === JSON.stringify(before?.rows),
          "the user's _scorecard_state changed"
        );
        const names = back.sheets.map((s) => s.name);
        check(names.includes("_scorecard_state (2)"), "the state was not written beside it");
        check(!names.includes("_scorecard_state (3)"), "the state was not found by its signature");
      }
    },
  },
  {
    id: "A01",
    category: "renamed sheet",
    input: "last month's 考核排名 renamed 2008年1月排名(存档), then assessed again --in-place",
    expected: "the archive is kept byte for byte in content; a new 考核排名 is written",
    proof:
      "also test/workbook/xlsx-package/surgical-write.test.ts › a renamed owned sheet is an archive; test/core/report/ownership.test.ts › renamed owned sheet (archive)",
    run: async (dir) => {
      const path = await save(dir, "archive.xlsx", scorecardBook());
      await expectCli(["assess", path, "--in-place", "--as-of", "2008-01-31"], { exit: [0, 1] });
      const renamed = await editedPackage(new Uint8Array(readFileSync(path)), {
        "xl/workbook.xml": (x) => x.replace('name="考核排名"', 'name="2008年1月排名(存档)"'),
      });
      writeFileSync(path, renamed);
      const archived = (await readWorkbookFile(path)).sheets.find(
        (s) => s.name === "2008年1月排名(存档)"
      );
      check(archived, "the rename did not take");
      await expectCli(["assess", path, "--in-place", "--as-of", "2008-02-29"], { exit: [0, 1] });
      const back = await readWorkbookFile(path);
      const again = back.sheets.find((s) => s.name === "2008年1月排名(存档)");
      check(
        JSON.stringify(again?.rows) === JSON.stringify(archived.rows),
        "the archived ranking changed"
      );
      check(
        back.sheets.some((s) => s.name === "考核排名"),
        "no new 考核排名 was written"
      );
    },
  },
  {
    id: "T01",
    category: "control characters",
    input:
      "source cells holding control characters (_x0001_, a backspace, ESC) assessed with --out, three times over",
    expected:
      "every source cell reads back identical after each run (was: stripped, drifting on each re-run)",
    proof:
      "also test/workbook/xlsx-package/fidelity-corpus.test.ts › source values never change; test/fuzz/regressions.ts",
    run: async (dir) => {
      const units = ["高新区\b", "_x0001_经开区", "城东区\u001b[0m"];
      let path = await save(dir, "controls.xlsx", scorecardBook(units));
      const before = (await readWorkbookFile(path)).sheets.filter((s) => s.name !== "考核排名");
      for (let i = 0; i < 3; i++) {
        const out = join(dir, `controls.${i}.xlsx`);
        await expectCli(["assess", path, "--out", out], { exit: [0, 1], unchanged: [path] });
        path = out;
      }
      const after = (await readWorkbookFile(path)).sheets;
      for (const s of before)
        check(
          JSON.stringify(after.find((a) => a.name === s.name)?.rows) === JSON.stringify(s.rows),
          `${s.name} changed after three runs`
        );
    },
  },
  {
    id: "T02",
    category: "long text",
    input: "the state sheet past 32,767 characters (164 units × 24 monthly runs of rank history)",
    expected:
      "split over several cells, each within Excel's limit, read back whole (was: truncated JSON, history lost)",
    proof:
      "test/core/state/state-cells.test.ts › state sheet over 32,767 characters: 164 units × 24 runs is kept whole",
  },
  {
    id: "O01",
    category: "path",
    input: "--out naming an existing .docx or a user's .xlsx (assess and merge)",
    expected: "exit 2 and the file untouched unless --force (was: silently overwritten)",
    proof: "test/cli/write-back.test.ts › --out never overwrites a file the product did not write",
    run: async (dir) => {
      const path = await save(dir, "book.xlsx", scorecardBook());
      const doc = join(dir, "report.docx");
      writeFileSync(doc, "the user's document");
      const before = fileState(doc);
      await expectCli(["assess", path, "--out", doc], { exit: [2], stderr: /--force/ });
      check(fileState(doc) === before, "the .docx was overwritten");
    },
  },
  {
    id: "D01",
    category: "other producers",
    input:
      "a workbook LibreOffice saved (soffice --convert-to xlsx) with a chart, legacy comments, a table and a pivot; one openpyxl made with a comment, a data validation and conditional formats",
    expected:
      "assess --out and --in-place (twice) keep every part of theirs byte for byte (only workbook.xml, its rels, [Content_Types].xml and styles.xml are edited) and every cell reads back the same; --out leaves the input byte for byte",
    proof:
      "test/cli/write-back-fidelity.test.ts (CI); also test/workbook/xlsx-package/fidelity-corpus.test.ts (every producer)",
  },
  {
    id: "U02",
    category: "usage",
    input:
      "check and assess without --out or --in-place (human and --json, with --map/--role corrections), on a plain and an already assessed workbook",
    expected:
      "the input's bytes, modification time and mode and its folder stay as they were: nothing is saved (corrections apply to that run, which says so); --help says so",
    proof:
      "also test/cli/overrides.test.ts › check and assess never change their input without --out or --in-place",
    run: async (dir) => {
      const path = await save(dir, "reviewed.xlsx", scorecardBook());
      const assessed = join(dir, "assessed.xlsx");
      await expectCli(["assess", path, "--out", assessed], { exit: [0, 1] });
      for (const file of [path, assessed]) {
        const folder = readdirSync(dir).sort().join("|");
        const { mtimeMs, mode } = statSync(file);
        for (const args of [
          ["check", file],
          ["check", file, "--json", "--role", "项目台账=other"],
          ["assess", file],
          ["assess", file, "--json", "--map", "目标分解表!B=ignore"],
        ])
          await expectCli(args, { exit: [0, 1], unchanged: [file] });
        const after = statSync(file);
        check(after.mtimeMs === mtimeMs && after.mode === mode, `${file}: time or mode changed`);
        check(readdirSync(dir).sort().join("|") === folder, "a file appeared in the folder");
      }
    },
  },
  {
    id: "H01",
    category: "injection",
    input:
      "the web page: a compromised dependency tries fetch() to a remote host, a WebSocket, a remote <script>",
    expected:
      "the page's Content-Security-Policy (default-src 'none'; script-src/connect-src 'self') refuses all three; the whole flow runs without a violation",
    proof:
      "test/e2e/web-page.e2e.ts › runs under a Content-Security-Policy that refuses remote scripts and connections (chromium)",
  },
];
