/**
 * Header words of a 台账's columns that say whether and how a project counts rather than what it is: 是否纳入考核,
 * 建设性质 (新建 / 续建), 备注 (where a clerk writes 项目已终止), and the 计量单位 a row's amount is typed in.
 */
import { headerField as f, type HeaderField } from "./header-field";

export const LEDGER_STATUS_FIELDS: readonly HeaderField[] = [
  // The measure of each row's 投资额 typed beside it (2.5 | 亿元, 8000 | 万元), as project systems export them.
  f(
    "amount_unit",
    "ledger",
    "field",
    null,
    null,
    ["计量单位", "金额单位", "投资额单位", "投资单位", "货币单位", "计价单位"],
    ["計量單位", "金額單位"],
    ["amount unit", "unit of amount"]
  ),
  // 是否纳入考核 否: listed for the record (市级统筹, 重复统计, 框架协议), never counted.
  f(
    "in_assessment",
    "ledger",
    "field",
    null,
    null,
    [
      "是否纳入考核",
      "纳入考核",
      "是否计入考核",
      "计入考核",
      "是否考核",
      "是否纳入统计",
      "是否计入",
    ],
    ["是否納入考核", "納入考核"],
    ["counted", "in assessment", "assessed"]
  ),
  // 建设性质 新建 / 续建: a 续建 project was signed and started in earlier years.
  f(
    "construction_kind",
    "ledger",
    "field",
    null,
    null,
    ["建设性质", "项目建设性质", "新建/续建", "新建续建", "新续建"],
    ["建設性質"],
    ["construction type", "new or continuing"]
  ),
  f(
    "remarks",
    "ledger",
    "field",
    null,
    null,
    ["备注", "说明"],
    ["備註", "說明"],
    ["remarks", "notes", "note", "comment", "comments"]
  ),
];
