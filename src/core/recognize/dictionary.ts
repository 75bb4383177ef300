import type { Quantity } from "../model";

/** Which kind of sheet a header word belongs to: unit tables (targets/actuals), ledgers, or both. */
export type FieldScope = "table" | "ledger" | "both";
export type FieldKind = "unit" | "seq" | "group" | "indicator" | "field";

export interface HeaderField {
  /** Stable English key, as in the CLI JSON (SPEC §9). */
  readonly key: string;
  readonly scope: FieldScope;
  readonly kind: FieldKind;
  readonly quantity: Quantity | null;
  /** Unit label assumed when neither the header nor a note states one. */
  readonly defaultUnit: string | null;
  readonly zhHans: readonly string[];
  readonly zhHant: readonly string[];
  readonly en: readonly string[];
  /** Leaf labels that mean this field only below a group label containing one of `groups` (签约项目 › 项目总数). */
  readonly under?: { readonly groups: readonly string[]; readonly leaves: readonly string[] };
}

const f = (
  key: string,
  scope: FieldScope,
  kind: FieldKind,
  quantity: Quantity | null,
  defaultUnit: string | null,
  zhHans: readonly string[],
  zhHant: readonly string[],
  en: readonly string[],
  under?: HeaderField["under"]
): HeaderField =>
  under
    ? { key, scope, kind, quantity, defaultUnit, zhHans, zhHant, en, under }
    : { key, scope, kind, quantity, defaultUnit, zhHans, zhHant, en };

export const HEADER_DICTIONARY: readonly HeaderField[] = [
  f(
    "unit",
    "both",
    "unit",
    null,
    null,
    [
      "责任单位",
      "单位",
      "单位名称",
      "县区",
      "县(市)区",
      "县市区",
      "区县",
      "县(市、区)",
      "地区",
      "责任主体",
      "所属单位",
      "所属县区",
      "属地",
      "县区名称",
    ],
    ["責任單位", "單位", "縣區", "縣(市)區", "所屬單位"],
    [
      "unit",
      "responsible unit",
      "district",
      "region",
      "county",
      "unit name",
      "department",
      "dept",
      "dept.",
      "responsible dept.",
      "responsible dept",
      "responsible department",
      "lead department",
      "lead unit",
      "responsible agency",
      "agency",
      "task force",
      "township",
    ]
  ),
  f(
    "seq",
    "both",
    "seq",
    null,
    null,
    ["序号", "序", "编号", "排序"],
    ["序號", "編號"],
    ["no.", "no", "#", "seq", "number", "s/n"]
  ),
  f(
    "group",
    "table",
    "group",
    null,
    null,
    ["类别", "分组", "类型", "单位类别", "组别", "分类"],
    ["類別", "分組", "類型"],
    ["group", "category", "type"]
  ),
  f(
    "foreign_capital_usd",
    "table",
    "indicator",
    "money_usd",
    "亿美元",
    [
      "实际利用外资",
      "利用外资",
      "外资",
      "实际使用外资",
      "实际利用外资额",
      "到位外资",
      "实际到位外资",
    ],
    ["實際利用外資", "利用外資", "外資"],
    [
      "foreign capital",
      "actual foreign capital",
      "foreign investment",
      "utilised foreign capital",
      "utilized foreign capital",
      "fdi",
    ]
  ),
  f(
    "domestic_capital_cny",
    "table",
    "indicator",
    "money_cny",
    "亿元",
    ["实际利用内资", "利用内资", "内资", "实际到位内资", "到位内资"],
    ["實際利用內資", "利用內資", "內資"],
    [
      "domestic capital",
      "actual domestic capital",
      "domestic investment",
      "utilised domestic capital",
      "utilized domestic capital",
    ]
  ),
  f(
    "reserve_packaged",
    "table",
    "indicator",
    "count",
    "个",
    ["包装项目", "包装项目数", "谋划包装项目"],
    ["包裝項目"],
    ["packaged projects", "packaged", "projects packaged"]
  ),
  f(
    "reserve_promoted",
    "table",
    "indicator",
    "count",
    "个",
    ["重点规划推介项目", "推介项目", "重点推介项目", "规划推介项目"],
    ["重點規劃推介項目", "推介項目"],
    ["promoted projects", "key promoted projects", "promoted"]
  ),
  f(
    "reserve_negotiating",
    "table",
    "indicator",
    "count",
    "个",
    ["在谈项目", "在谈项目数", "洽谈项目"],
    ["在談項目", "洽談項目"],
    ["projects under negotiation", "negotiating projects", "negotiating", "in negotiation"]
  ),
  f(
    "signed_total",
    "table",
    "indicator",
    "count",
    "个",
    ["签约项目", "签约项目数", "签约项目总数", "签约数", "新签约项目", "签约"],
    ["簽約項目", "簽約項目數"],
    ["signed projects", "projects signed", "signed", "signed total", "signed projects total"],
    {
      groups: ["签约", "signed"],
      leaves: [
        "项目总数",
        "总数",
        "项目数",
        "合计",
        "小计",
        "个数",
        "数量",
        "total",
        "count",
        "projects",
      ],
    }
  ),
  f(
    "signed_industrial",
    "table",
    "indicator",
    "count",
    "个",
    ["签约工业项目", "其中工业项目", "其中:工业项目", "工业项目", "其中工业"],
    ["簽約工業項目", "其中工業項目"],
    ["signed industrial projects", "of which industrial", "industrial projects", "industrial"],
    {
      groups: ["签约", "signed"],
      leaves: [
        "其中工业项目",
        "工业项目",
        "其中工业",
        "工业",
        "其中:工业项目",
        "industrial",
        "ofwhichindustrial",
        "industrialprojects",
      ],
    }
  ),

  f(
    "project_name",
    "ledger",
    "field",
    null,
    null,
    ["项目名称", "项目", "项目名", "名称"],
    ["項目名稱", "項目"],
    ["project", "project name", "name"]
  ),
  f(
    "investor",
    "ledger",
    "field",
    null,
    null,
    ["投资方", "投资方名称", "投资主体", "投资商", "投资企业", "签约企业", "客商", "投资者"],
    ["投資方", "投資商"],
    ["investor", "investor name"]
  ),
  f(
    "industry",
    "ledger",
    "field",
    null,
    null,
    [
      "产业类别",
      "产业链",
      "行业",
      "所属行业",
      "产业",
      "行业类别",
      "所属产业",
      "产业分类",
      "项目类型",
      "项目类别",
      "项目性质",
    ],
    ["產業類別", "產業鏈", "行業"],
    ["industry", "sector", "industry chain"]
  ),
  f(
    "investment",
    "ledger",
    "field",
    "money_cny",
    "万元",
    [
      "总投资",
      "投资总额",
      "计划总投资",
      "总投资额",
      "投资额",
      "协议投资额",
      "合同投资额",
      "协议总投资",
      "签约金额",
      "签约额",
      "签约投资额",
      "签约总投资",
      "协议金额",
      "合同金额",
      "项目总投资",
      "计划投资",
    ],
    ["總投資", "投資總額"],
    ["total investment", "investment", "investment amount"]
  ),
  // Ledgers that keep 内资（万元） and 外资（万美元） apart instead of one 总投资 (seed 001 counts 外资+内资).
  f(
    "investment_domestic",
    "ledger",
    "field",
    "money_cny",
    "万元",
    ["内资", "内资额", "内资投资", "内资投资额", "内资金额", "内资协议投资额", "国内资金"],
    ["內資", "內資額"],
    ["domestic investment", "domestic"]
  ),
  f(
    "investment_foreign",
    "ledger",
    "field",
    "money_usd",
    "万美元",
    [
      "外资",
      "外资额",
      "外资投资",
      "外资投资额",
      "外资金额",
      "外资协议投资额",
      "外方投资",
      "外商投资额",
    ],
    ["外資", "外資額"],
    ["foreign investment", "foreign"]
  ),
  f(
    "foreign_share",
    "ledger",
    "field",
    "ratio",
    null,
    ["外资占比", "外资比例", "外资比重", "外方出资比例", "外资股比"],
    ["外資佔比", "外資比例"],
    ["foreign share", "foreign ratio"]
  ),
  f(
    "currency",
    "ledger",
    "field",
    null,
    null,
    ["币种", "货币", "币别"],
    ["幣種", "貨幣"],
    ["currency"]
  ),
  f(
    "stage",
    "ledger",
    "field",
    null,
    null,
    [
      "项目阶段",
      "阶段",
      "进展",
      "项目进展",
      "进展情况",
      "项目状态",
      "状态",
      "推进阶段",
      "项目进度",
      "推进情况",
      "推进状态",
      "进展阶段",
      "项目进展情况",
      "目前进展",
      "当前阶段",
      "项目状况",
    ],
    ["項目階段", "階段", "進展"],
    ["stage", "status", "progress", "project stage"]
  ),
  f(
    "signed_date",
    "ledger",
    "field",
    null,
    null,
    ["签约日期", "签约时间", "签约日"],
    ["簽約日期", "簽約時間"],
    ["signed date", "signing date", "date signed", "signed on"]
  ),
  f(
    "registered_date",
    "ledger",
    "field",
    null,
    null,
    ["注册日期", "注册时间", "工商注册日期", "注册登记日期"],
    ["註冊日期", "註冊時間"],
    ["registered date", "registration date", "date registered"]
  ),
  f(
    "started_date",
    "ledger",
    "field",
    null,
    null,
    ["开工日期", "开工时间", "实际开工时间", "实际开工日期"],
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
    ]
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
  f(
    "funds_in_place",
    "ledger",
    "field",
    "money_cny",
    "万元",
    ["到位资金", "实际到位资金", "累计到位资金", "到位资金额", "本年到位资金"],
    ["到位資金", "實際到位資金"],
    ["funds in place", "funds received", "capital in place"]
  ),
  f(
    "industrial",
    "ledger",
    "field",
    null,
    null,
    ["是否工业项目", "工业项目", "是否工业"],
    ["是否工業項目", "工業項目"],
    ["industrial", "is industrial", "industrial project"]
  ),
  f(
    "investor_type",
    "ledger",
    "field",
    null,
    null,
    ["投资方类型", "投资者类型", "企业类型", "投资方性质", "投资方属性", "500强类型"],
    ["投資方類型"],
    ["investor type"]
  ),
  f(
    "origin",
    "ledger",
    "field",
    null,
    null,
    ["来源地", "投资方来源地", "投资来源地", "来源", "省外", "是否省外", "地域"],
    ["來源地"],
    ["origin", "source region"]
  ),
  // Ledgers re-report every project each month: the month a row reports.
  f(
    "report_month",
    "ledger",
    "field",
    null,
    null,
    [
      "报送月份",
      "月份",
      "填报月份",
      "统计月份",
      "报告期",
      "报送期",
      "所属月份",
      "报送时间",
      "填报时间",
      "统计时间",
      "统计期",
    ],
    ["報送月份", "月份"],
    ["report month", "month", "reporting month", "period"]
  ),
  // Written by `scorecard merge`: which submitted file and row a project came from.
  f(
    "provenance",
    "ledger",
    "field",
    null,
    null,
    ["报送文件", "来源文件", "数据来源文件"],
    ["報送文件", "來源文件"],
    ["source file", "submitted file", "provenance"]
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

/** Ledger fields a ledger cannot be read without, and those a reviewer expects. */
export const LEDGER_REQUIRED = ["project_name", "unit"] as const;
export const LEDGER_EXPECTED = ["investment", "stage", "signed_date"] as const;
