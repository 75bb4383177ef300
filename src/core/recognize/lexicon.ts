/**
 * The words bureaus put in headers and rows, as data: what a unit column is called, which rows are sections or
 * left out of the assessment, what reads as a unit or an indicator (what a column measures is in measure-words).
 * Recognition weighs these as evidence beside the shape of the data; extending the product to a new bureau's
 * wording is an entry here.
 */
import { normalizeText } from "../text";
import { TABLE_FIELDS } from "./dictionary-tables";
import { measureOf, splitMeasureAffix } from "./measure-words";

/**
 * Headers that name the unit column outright beyond the dictionary's unit words (dictionary-tables.ts), which
 * count too: there a word also maps a ledger's column, here it is only evidence for a table's.
 */
const UNIT_HEADERS = [
  "县(市区)",
  "县(区)",
  "县(市)",
  "县市",
  "区域",
  "乡镇(街道)",
  "乡镇",
  "镇街",
  "街道",
  "镇(街道)",
  "乡镇街道",
  "乡镇(街道、园区)",
  "镇(街、区)",
  "园区",
  "开发区",
  "园区名称",
  "开发区(园区)",
  "部门",
  "责任部门",
  "部门名称",
  "单位(部门)",
  "部门(单位)",
  "责任属地",
  "牵头单位",
  "牵头部门",
  "责任单位(部门)",
  "产业小组",
  "小组",
  "工作小组",
  "专班",
  "专班名称",
  "产业链专班",
  "产业链",
  "招商专班",
  "产业招商团组",
  "招商团组",
  "团组",
  "招商单位",
  "驻外分局",
  "驻外招商分局",
  "招商分局",
  "分局",
  "考核对象",
  "被考核单位",
  "考核单位",
  "参评单位",
  "名称",
  "主责单位",
  "承办单位",
  "实施主体",
  "招商主体",
  "填报单位",
  "报送单位",
  "上报单位",
  "units",
  "districts",
  "bureau",
  "office",
  "team",
  "workinggroup",
  "industryteam",
  "zone",
  "park",
  "developmentzone",
  "town",
  "subdistrict",
  "entity",
  "assessedunit",
  "branch",
  "overseasoffice",
  "name",
  "city",
].map(normalizeText);
/** The dictionary's unit-column words count too: a word added there is evidence here without a second entry. */
const UNIT_HEADER_SET = new Set([
  ...UNIT_HEADERS,
  ...TABLE_FIELDS.filter((f) => f.key === "unit").flatMap((f) =>
    [...f.zhHans, ...f.zhHant, ...f.en].map(normalizeText)
  ),
]);

/** Words inside a header that point at a unit column ("所属乡镇", "驻沪招商分局", "Responsible Dept."). */
const UNIT_HEADER_PARTS =
  /所属|驻.{1,4}(分局|办事处|招商)|单位|部门|乡镇|街道|镇街|园区|开发区|专班|小组|团组|分局|属地|县区|区县|市州|对象|unit|district|county|department|dept|bureau|office|team|zone|park|township|town|branch|region/;

/** Headers of columns that hold names but are never the unit: people, phones, units of measure. */
const NOT_UNIT_HEADERS =
  /责任人|联系人|负责人|领导|局长|主任|书记|电话|手机|计量单位|填报|单位:|项目名称|项目|企业|投资方|客商|行业|产业类别|地址|指标|考核内容|contact|leader|person|phone|project|company|investor|industry|indicator|metric|measure|kpi/;

/** "指标乡镇" / "单位指标": the 指标 axis word of a corner cell before or after the units' own header word. */
const CORNER = /^(?:考核)?指标(?:名称)?(.{2,8})$|^(.{2,8}?)(?:考核)?指标(?:名称)?$/;

/** How strongly a header says "this is the unit column": 2 exact, 1 a telling word, 0 silent, −1 never. */
export function unitHeaderEvidence(norm: string): number {
  if (norm === "") return 0;
  if (UNIT_HEADER_SET.has(norm)) return 2;
  // A 斜线表头 corner cell names both axes, "指标⏎乡镇": the indicators run across, the units down this column.
  const corner = CORNER.exec(norm);
  const axis = corner?.[1] ?? corner?.[2];
  // "指标名称" is the indicator column's own header, not 指标 over a column headed 名称.
  if (axis !== undefined && axis !== "名称" && UNIT_HEADER_SET.has(axis)) return 2;
  if (NOT_UNIT_HEADERS.test(norm)) return -1;
  if (measureOf(norm) !== null) return -1;
  if (norm.length <= 12 && UNIT_HEADER_PARTS.test(norm)) return 1;
  return 0;
}

/** "一、街道", "(二)乡镇", "第一组", "A组", "Group B": a section heading, not a unit. */
const SECTION =
  /^(?:[一二三四五六七八九十]+[、,.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(组|类|片区?|板块)|[a-z\d]{1,2}(组|类)$|(group|section|part|category)[a-z\d]{0,2}[:.]?$|[ivx]+\.)/;

export function isSectionLabel(norm: string): boolean {
  return SECTION.test(norm);
}

/** The section's name without its numbering: "一、街道" → "街道". */
export function sectionName(label: string): string {
  return (
    label.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、,，.．]\s*/, "").trim() || label.trim()
  );
}

/** Notes in a 备注 column that take a row out of the assessment (and out of 合计). */
const EXCLUDED =
  /已?撤并|已?撤销|已并入|并入.{1,12}(考核|统计|计算)?$|不参与(考核|排名|评比|评价)|不参加(考核|排名)|不纳入(考核|排名)|不列入(考核|排名)|不考核|不参评|免于?考核|单独考核|不计入(考核|排名|合计)|excluded|notassessed|notranked/;

export function isExclusionNote(norm: string): boolean {
  return EXCLUDED.test(norm);
}

/**
 * Words that qualify how much a column is (个数, 金额) rather than what: "新开工项目 › 个数" is the same
 * indicator as "新开工项目（个）". Stripped when indicators of two sheets are paired.
 */
const QUANTITY_WORDS = /(个数|数量|总数|金额|总额|数额|额度|规模|数|额|count|number|amount|value)$/;

/** "2024年1-9月", "2024年", "1-9月": the period a header names before its indicator, the same on every sheet. */
const LEADING_PERIOD = /^(?:(?:19|20)\d{2}年度?)?(?:\d{1,2}(?:[-~—至到]\d{1,2})?月份?)?/;

/**
 * The core of an indicator phrase for pairing across sheets: no quantity words, no brackets, no leading period,
 * no 其中/新.
 */
export function indicatorCore(phrase: string): string {
  let s = phrase
    .replace(/\([^()]*\)/g, "")
    .replace(LEADING_PERIOD, "")
    .replace(/^(其中|其中:|新|本年|年度|全年|累计|实际)/, "")
    // 合同利用外资 is 合同外资, 利用内资 内资: the verb adds nothing to what is counted.
    .replace(/(利用|使用)(?=外资|内资)/, "")
    .replace(/›/g, "");
  for (let i = 0; i < 2; i++) {
    const next = s.replace(QUANTITY_WORDS, "");
    if (next.length >= 2) s = next;
  }
  return s;
}

/** Endings of unit names: 区, 县, 镇, 街道, 园区, 专班, 分局, 局 … */
const UNIT_NAME_END =
  /(区|县|市|州|盟|旗|镇|乡|街道|园|园区|开发区|专班|小组|组|团组|分局|局|委|办|中心|部|department|district|county|town|township|zone|park|team|office|bureau)$/;

/** Endings of indicator names: 项目, 资金, 外资, 率 … */
const INDICATOR_END =
  /(项目|资金|外资|内资|投资|投资额|金额|总额|个数|数量|率|企业|target|projects?|investment|capital|funds|rate)$/;

/** Whether a row label names an indicator rather than a unit ("签约项目", "实际利用外资"). */
export function looksLikeIndicator(norm: string): boolean {
  const bare = norm.replace(/\([^()]*\)$/, "");
  if (namesIndicator(bare)) return true;
  // "签约项目目标", "到位资金完成": an indicator and its measure in one label.
  const split = splitMeasureAffix(bare);
  return (
    (split?.measure === "target" || split?.measure === "actual") && namesIndicator(split.phrase)
  );
}

const namesIndicator = (bare: string): boolean =>
  INDICATOR_END.test(bare) && !UNIT_NAME_END.test(bare);

/** Whether a label reads as a unit's name ("经开区", "合心镇", "驻沪招商分局"). */
export function looksLikeUnitName(norm: string): boolean {
  return UNIT_NAME_END.test(norm.replace(/\([^()]*\)$/, ""));
}

/** Group headers that only hold indicators ("主要指标", "考核指标"): no part of any indicator's name. */
const CONTAINER = /^(主要|考核|重点|核心|经济|招商引资|招商|年度|全年)*(指标|任务|内容|指标任务)$/;
/** The work the whole table is about ("招商引资" over 签约项目 and 到位资金): a heading, not a qualifier. */
const TOPIC = /^(招商引资|招商|招商工作|招商引资工作|项目招引|双招双引|招大引强)(情况|工作)?$/;

export function isContainerLabel(norm: string): boolean {
  return CONTAINER.test(norm) || TOPIC.test(norm);
}
