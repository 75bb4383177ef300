/** Header words of a 台账's event dates (签约, 注册, 开工, 投产), and of the planned dates that are none of them. */
import { headerField as f, type HeaderField } from "./header-field";

/** A group over dates named by their stage alone (项目推进节点 › 签约 / 开工, 时间节点 › 签约). */
const DATE_GROUPS = ["节点", "时间", "日期"];

export const LEDGER_DATE_HEADERS: readonly HeaderField[] = [
  f(
    "signed_date",
    "ledger",
    "field",
    null,
    null,
    [
      "签约日期",
      "签约时间",
      "签约日",
      // "2024.3.12已签约" / "未签约": the date the cell states is the signing's.
      "签约情况",
      "合同签订日期",
      "合同签订时间",
      "协议签订日期",
      "协议签订时间",
      "签订日期",
      "签订时间",
      "正式签约日期",
      "正式签约时间",
      // A month is the date a clerk kept (2024.03, 2024年3月).
      "签约年月",
      "签约月份",
    ],
    ["簽約日期", "簽約時間", "合同簽訂日期", "協議簽訂日期"],
    [
      "signed date",
      "signing date",
      "date signed",
      "signed on",
      "contract date",
      "contract signing date",
      "date of contract",
      "agreement date",
    ],
    { groups: DATE_GROUPS, leaves: ["签约", "签订", "正式签约"] }
  ),
  f(
    "registered_date",
    "ledger",
    "field",
    null,
    null,
    [
      "注册日期",
      "注册时间",
      "工商注册日期",
      "注册登记日期",
      // A 外资 enterprise is 新设 on the day it is set up (设立). Not 成立时间: a ledger may state when the
      // investor was founded, which is no event of the project.
      "设立时间",
      "设立日期",
      "企业设立时间",
      "批准设立时间",
    ],
    ["註冊日期", "註冊時間"],
    ["registered date", "registration date", "date registered"],
    { groups: DATE_GROUPS, leaves: ["注册", "设立"] }
  ),
  f(
    "started_date",
    "ledger",
    "field",
    null,
    null,
    ["开工日期", "开工时间", "实际开工时间", "实际开工日期", "开工情况", "开工年月", "开工月份"],
    ["開工日期", "開工時間"],
    [
      "start date",
      "started date",
      "construction start",
      "date started",
      "groundbreaking date",
      "ground-breaking date",
      "groundbreaking",
      "construction start date",
      "commencement date",
    ],
    { groups: DATE_GROUPS, leaves: ["开工", "动工", "实际开工"] }
  ),
  f(
    "produced_date",
    "ledger",
    "field",
    null,
    null,
    [
      "投产日期",
      "投产时间",
      "实际投产时间",
      "实际投产日期",
      "竣工投产时间",
      "竣工投产日期",
      "投产情况",
      "建成投产时间",
    ],
    ["投產日期", "投產時間"],
    ["production date", "production start", "commissioning date", "operation date"],
    { groups: DATE_GROUPS, leaves: ["投产", "竣工投产", "实际投产"] }
  ),
  // A planned date is not the event: 计划开工时间 beside 实际开工时间 must not count a start that has not happened.
  f(
    "planned_date",
    "ledger",
    "field",
    null,
    null,
    [
      "计划开工时间",
      "计划开工日期",
      "预计开工时间",
      "预计开工日期",
      "拟开工时间",
      "计划签约时间",
      "计划签约日期",
      "预计签约时间",
      "计划投产时间",
      "预计投产时间",
      "计划竣工时间",
      "预计竣工时间",
      "计划完成时间",
    ],
    ["計劃開工時間", "預計開工時間"],
    ["planned start", "planned start date", "expected start", "planned signing date"]
  ),
];
