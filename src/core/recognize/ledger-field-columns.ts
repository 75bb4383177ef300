/** Where each field a 台账 row is read from sits: the sheet column of each, found once per sheet. */

export const TEXT_FIELDS = {
  investor: "investor",
  industry: "industry",
  stage: "stage",
  investorType: "investor_type",
  origin: "origin",
  remarks: "remarks",
  provenance: "provenance",
} as const;

export const DATE_FIELDS = {
  signedDate: ["signed_date", "签约日期", "signing date"],
  registeredDate: ["registered_date", "注册日期", "registration date"],
  startedDate: ["started_date", "开工日期", "start date"],
  producedDate: ["produced_date", "投产日期", "production date"],
} as const;

/** The column keys of a 台账's event dates (signed_date, registered_date, started_date, produced_date). */
export const EVENT_DATE_KEYS: readonly string[] = Object.values(DATE_FIELDS).map(([key]) => key);

export type AmountField =
  | "investment"
  | "investment_agreed"
  | "investment_domestic"
  | "investment_foreign"
  | "funds_in_place";

/** The sheet column of each field read on every row (−1 when the ledger has none). */
export interface FieldColumns {
  readonly name: number;
  readonly unit: number;
  readonly stage: number;
  readonly currency: number;
  readonly reportMonth: number;
  /** 年度 (2022 / 2023 / 2024): the year of dates typed without one. */
  readonly year: number;
  readonly code: number;
  readonly share: number;
  readonly industrial: number;
  readonly industry: number;
  readonly inAssessment: number;
  readonly construction: number;
  readonly remarks: number;
  readonly amountUnit: number;
  readonly dates: Readonly<Record<keyof typeof DATE_FIELDS, number>>;
  readonly amounts: Readonly<Record<AmountField, number>>;
}

export function fieldColumns(col: (key: string) => number): FieldColumns {
  return {
    name: col("project_name"),
    unit: col("unit"),
    stage: col(TEXT_FIELDS.stage),
    currency: col("currency"),
    reportMonth: col("report_month"),
    year: col("ledger_year"),
    code: col("project_code"),
    share: col("foreign_share"),
    industrial: col("industrial"),
    industry: col(TEXT_FIELDS.industry),
    inAssessment: col("in_assessment"),
    construction: col("construction_kind"),
    remarks: col(TEXT_FIELDS.remarks),
    amountUnit: col("amount_unit"),
    dates: {
      signedDate: col(DATE_FIELDS.signedDate[0]),
      registeredDate: col(DATE_FIELDS.registeredDate[0]),
      startedDate: col(DATE_FIELDS.startedDate[0]),
      producedDate: col(DATE_FIELDS.producedDate[0]),
    },
    amounts: {
      investment: col("investment"),
      investment_agreed: col("investment_agreed"),
      investment_domestic: col("investment_domestic"),
      investment_foreign: col("investment_foreign"),
      funds_in_place: col("funds_in_place"),
    },
  };
}
