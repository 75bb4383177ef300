/** A small submission with every kind of finding the issue list orders: errors, a unit-of-measure warning, notes. */
import { buildXlsx } from "../../fixtures/build-xlsx";

export function issueWorkbook(): Promise<Uint8Array> {
  return buildXlsx([
    {
      name: "目标分解表",
      rows: [
        ["责任单位", "实际利用内资（亿元）", "签约项目数"],
        ["经开区", "3.5亿", 110],
        ["高新区", 20, 110],
        ["朝阳区", 12, 52],
      ],
    },
    {
      name: "1-9月完成情况",
      rows: [
        ["责任单位", "实际利用内资（亿元）", "签约项目数"],
        ["经开区", 10, 80],
        ["經開區", 1, 1],
        ["朝阳去", 3, 30],
        ["月球区", 1, 3],
        ["高 新 区", 15, 70],
      ],
    },
  ]);
}
