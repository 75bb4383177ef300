import { SheetBuilder, TABLE_HEADER_STYLE } from "../plan/sheet-builder";
import type { SheetPlan, WriteValue } from "../plan/write-plan";
import { DEFAULT_STAGES } from "../rules/stages";
import { INDUSTRIES } from "./seed-001";

/** One project of a 项目台账. Amounts in 万元. */
export interface SampleProject {
  readonly name: string;
  readonly investor: string;
  readonly unit: string;
  readonly industry: string;
  readonly investment: number;
  readonly industrial: boolean;
  readonly stage: (typeof DEFAULT_STAGES)[number];
  readonly signedDate: Date | null;
  readonly registeredDate: Date | null;
  readonly startedDate: Date | null;
  readonly fundsInPlace: number | null;
}

export const LEDGER_HEADERS = [
  "序号",
  "项目名称",
  "投资方",
  "责任单位",
  "产业类别",
  "总投资(万元)",
  "是否工业项目",
  "项目阶段",
  "签约日期",
  "注册日期",
  "开工日期",
  "到位资金(万元)",
] as const;

/** What a 台账 row shows under LEDGER_HEADERS: a sample project, or a merged ledger row. */
interface LedgerRowValues {
  readonly name: string;
  readonly investor: string | null;
  readonly unit: string;
  readonly industry: string | null;
  readonly investment: number | null;
  readonly industrial: boolean | null;
  readonly stage: string | null;
  readonly signedDate: Date | null;
  readonly registeredDate: Date | null;
  readonly startedDate: Date | null;
  readonly fundsInPlace: number | null;
}

/** A project's cells under LEDGER_HEADERS, in their order, numbered `seq`. */
export function ledgerRowCells(seq: number, p: LedgerRowValues): WriteValue[] {
  return [
    seq,
    p.name,
    p.investor,
    p.unit,
    p.industry,
    p.investment,
    p.industrial === null ? null : p.industrial ? "是" : "否",
    p.stage,
    p.signedDate,
    p.registeredDate,
    p.startedDate,
    p.fundsInPlace,
  ];
}

export interface LedgerSheetSpec {
  readonly name: string;
  readonly projects: readonly SampleProject[];
  /** Dropdown rows to prepare below the data (template). */
  readonly blankRows?: number;
  /** Where the 责任单位 dropdown reads its choices; literal values otherwise. */
  readonly unitSource?: { readonly sheet: string; readonly range: string };
  readonly units?: readonly string[];
}

/** A 项目台账: one header row, one project per row, dropdowns for unit, industry, stage and 是否工业项目. */
export function planLedgerSheet(spec: LedgerSheetSpec): SheetPlan {
  const b = new SheetBuilder(spec.name, "sample", false);
  b.setRow(0, 0, [...LEDGER_HEADERS]);
  b.style(TABLE_HEADER_STYLE, 0, 0, 0, LEDGER_HEADERS.length - 1);
  b.height(0, 30);
  spec.projects.forEach((p, i) => {
    b.setRow(i + 1, 0, ledgerRowCells(i + 1, p));
  });
  const last = spec.projects.length + (spec.blankRows ?? 0);
  if (last >= 1) {
    b.style({ numberFormat: "yyyy-mm-dd", horizontal: "center" }, 1, 8, last, 10);
    b.style({ numberFormat: "#,##0" }, 1, 5, last, 5);
    b.style({ numberFormat: "#,##0" }, 1, 11, last, 11);
    b.style({ horizontal: "center" }, 1, 6, last, 7);
    const rows = (col: string) => `${col}2:${col}${last + 1}`;
    b.validate({
      range: rows("D"),
      values: spec.units ?? [],
      ...(spec.unitSource ? { source: spec.unitSource } : {}),
      prompt: "从目标分解表的责任单位中选择",
    });
    b.validate({ range: rows("E"), values: [...INDUSTRIES], prompt: "产业类别" });
    b.validate({ range: rows("G"), values: ["是", "否"] });
    b.validate({ range: rows("H"), values: [...DEFAULT_STAGES], prompt: DEFAULT_STAGES.join("→") });
  }
  return b.build({
    columnWidths: [6, 34, 30, 10, 16, 13, 8, 9, 12, 12, 12, 14],
    freeze: { rows: 1, columns: 2 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: [1, 1],
    },
  });
}
