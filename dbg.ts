import { recognizeWorkbook } from "./src/core/recognize";
import { workbookGrid } from "./test/fixtures/grid";
const r = recognizeWorkbook(workbookGrid("t", [{
    name: "1-8月通报",
    rows: [
      ["清河县2024年1-8月招商引资目标任务完成情况", null, null, null, null, null, null, null],
      ["序号", "乡镇（街道）", "新签约项目（个）", null, null, "到位资金（万元）", null, null],
      [null, null, "目标任务", "累计完成", "完成率", "目标任务", "累计完成", "完成率"],
      [null, "合计", 30, 21, 0.7, 50000, 30000, 0.6],
      [1, "城关镇", 10, 8, 0.8, 20000, 15000, 0.75],
    ],
    merges: ["A1:H1", "A2:A3", "B2:B3", "C2:E2", "F2:H2"],
  }]));
console.log(JSON.stringify(r.reports[0]), JSON.stringify(r.issues.map(i=>i.message_zh)));
