/**
 * Findings of `npm run fuzz`, each the smallest workbook that broke an invariant, kept as fixed regression cases.
 * `open` names the change that fixes a finding not fixed yet: its test is expected to fail until then.
 */
import type { FuzzWorkbook } from "./workbooks";

export interface FuzzRegression {
  readonly title: string;
  /** How it was found: `npm run fuzz -- --seed S` and the invariant it broke. */
  readonly found: string;
  readonly workbook: FuzzWorkbook;
  readonly open?: string;
}

const sheet = (
  name: string,
  rows: FuzzWorkbook["sheets"][number]["rows"]
): FuzzWorkbook["sheets"][number] => ({
  name,
  hidden: false,
  rows,
  merges: [],
  formats: {},
});

export const FUZZ_REGRESSIONS: readonly FuzzRegression[] = [
  {
    title:
      "a control character in a source cell (Excel's _x0001_ escape) survives the written copy",
    found:
      'seed 1 (and 2): a source sheet changed in the written copy: Sheet1 row 1: ["\\u0001"] → [""]',
    workbook: { asOf: "2024-03-31", sheets: [sheet("Sheet1", [["_x0001_"]])] },
    // Fixed by the surgical write-back (source sheets are never re-serialised).
  },
  {
    title: "a backspace and Excel's own _x0001_ escape in a unit name survive the written copy",
    found: "issue 14 item 3, confirmed by the fuzz's round-trip invariant",
    workbook: {
      asOf: "2024-12-31",
      sheets: [
        sheet("目标分解表", [
          ["责任单位", "实际利用外资(亿美元)"],
          ["高新区\b", 10],
          ["_x0001_经开区", 12],
        ]),
        sheet("完成情况表", [
          ["责任单位", "实际利用外资(亿美元)"],
          ["高新区\b", 8],
          ["_x0001_经开区", 12],
        ]),
      ],
    },
    // Fixed by the surgical write-back (source sheets are never re-serialised).
  },
  {
    title:
      "an error cell (#REF!) in a user's sheet named _scorecard_state survives the written copy",
    found:
      "seed 20240614: the state writer carries the reserved sheet's rows over as plain values, so #REF! becomes blank",
    workbook: {
      asOf: "2024-03-31",
      sheets: [sheet("目标分解表", []), sheet("_scorecard_state", [[{ error: "#REF!" }]])],
    },
    // Fixed: the state sheet is the product's by its signature, not its name; ours lands as "_scorecard_state (2)".
  },
  {
    title: "NaN, ±Infinity and 1e308 in targets and actuals give finite scores and valid ranks",
    found: "generator edge values (no failure: kept so the engine's guards stay covered)",
    workbook: {
      asOf: "2024-09-30",
      sheets: [
        sheet("目标分解表", [
          ["责任单位", "实际利用外资(亿美元)", "签约项目(个)"],
          ["高新区", NaN, 1e308],
          ["经开区", Infinity, 0],
          ["城东区", -Infinity, -5],
        ]),
        sheet("完成情况表", [
          ["责任单位", "实际利用外资(亿美元)", "签约项目(个)"],
          ["高新区", 1e308, NaN],
          ["经开区", 5, Infinity],
          ["城东区", 0, 3],
        ]),
      ],
    },
  },
  {
    title:
      "two targets sheets (units grouped by sheet): rank runs over every unit, groupRank within each group",
    found:
      'seed 20240614, case 3627: the checker read rank as the group rank ("the best rank is not 1": 校验结果: 城西区=2/0); the engine was right, the invariant now checks both',
    workbook: {
      asOf: "2024-03-31",
      sheets: [
        {
          ...sheet("校验结果", [
            ["招商引资目标分解表"],
            ["序号", "责任单位", "signed projects"],
            [1, "城西区", 0],
          ]),
          merges: [[0, 0, 0, 2]],
        },
        sheet("目标分解表", [
          ["项目名称", "责任单位", "累计到位资金", "外资比例"],
          ["项目0", "高新区", 1, 1],
        ]),
        {
          ...sheet("考核排名", [
            ["招商引资目标分解表"],
            ["序号", "责任单位", "实际利用外资", "实际利用外资", "signed projects", "實際利用內資"],
            [1, "Harbour Zone", 0, 0, 0, 0],
            [2, "临港区", 0, 0, 0, 0],
            [3, "高新区", 0, 0, 0, 1],
          ]),
          merges: [[0, 0, 0, 5]],
        },
      ],
    },
  },
];
