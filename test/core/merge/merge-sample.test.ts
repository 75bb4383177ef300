import { mergeSubmissions, type Submission } from "../../../src/core/merge";
import type { Recognition, UnitTable } from "../../../src/core/model";
import { recognizeWorkbook } from "../../../src/core/recognize";
import {
  SEED_001_UNITS,
  generateSampleData,
  planSampleWorkbook,
  planUnitSubmission,
} from "../../../src/core/samples";
import { gridFromPlan } from "./plan-grid";

function figures(table: UnitTable | null): Record<string, Record<string, number | string | null>> {
  const out: Record<string, Record<string, number | string | null>> = {};
  for (const u of table?.units ?? []) {
    out[u.name] = Object.fromEntries(
      Object.entries(u.values).map(([k, v]) => [
        k,
        v.notApplicable ? "n/a" : v.value === null ? null : Math.round(v.value * 1e6) / 1e6,
      ])
    );
  }
  return out;
}

function projectsByUnit(r: Recognition): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of r.ledgers) for (const p of l.rows) out[p.unit] = (out[p.unit] ?? 0) + 1;
  return out;
}

describe("merging generated unit submissions", () => {
  const sample = planSampleWorkbook();
  const data = generateSampleData();
  const bureau = {
    sheets: sample.sheets.filter((s) => s.name === "目标分解表" || s.name === "考核规则"),
  };
  const groups = ["开发区", "城区", "县市"].map((g) =>
    SEED_001_UNITS.filter((u) => u.group === g).map((u) => u.unit)
  );
  const files = [
    { source: "bureau.xlsx", plan: bureau },
    ...groups.map((units, i) => ({
      source: `submission-${i + 1}.xlsx`,
      plan: planUnitSubmission(data, units),
    })),
  ];
  const submissions: Submission[] = files.map((f) => {
    const grid = gridFromPlan(f.plan, f.source);
    return { source: f.source, recognition: recognizeWorkbook(grid), grid };
  });
  const merged = mergeSubmissions(submissions);
  const mergedRecognition = recognizeWorkbook(gridFromPlan(merged.plan, "merged.xlsx"));
  const combined = recognizeWorkbook(gridFromPlan(sample, "sample.xlsx"));

  it("reads every submission cleanly and merges without conflicts", () => {
    for (const s of submissions)
      expect(s.recognition.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(merged.issues).toEqual([]);
    expect(merged.plan.sheets.map((s) => s.name)).toEqual([
      "目标分解表",
      "完成情况表",
      "项目台账",
      "考核规则",
    ]);
  });

  it("gives the same targets, actuals and ledger as the single combined sample", () => {
    expect(mergedRecognition.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(figures(mergedRecognition.targets)).toEqual(figures(combined.targets));
    expect(figures(mergedRecognition.actuals)).toEqual(figures(combined.actuals));
    expect(projectsByUnit(mergedRecognition)).toEqual(projectsByUnit(combined));
    expect(mergedRecognition.rulesSheet).toBe("考核规则");
  });
});
