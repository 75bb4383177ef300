/**
 * What a workbook says an indicator counts, in the words of its 考核办法 / 统计口径: "签约项目指…单体投资额5000万元
 * 以上的项目；签约金额为上述项目协议投资额之和". The headers often leave the qualifier out (签约项目（个）), so the
 * definition is where the threshold is stated; "上述项目" carries the clause before it over.
 */
import { toA1, type SheetGrid } from "../grid";
import { normalizeText, toHalfWidth } from "../text";
import { titleTexts } from "./title-texts";

export interface StatedScope {
  /** The indicator the clause defines, normalised ("签约项目"). */
  readonly key: string;
  /** What it counts, as written (with the clause "上述" refers to before it). */
  readonly definition: string;
  readonly sheet: string;
  readonly cell: string;
}

/** Rows searched: a 考核办法 sheet is short, and a targets sheet's notes sit under a table of a few dozen rows. */
const ROWS = 80;

/** "签约项目指…", "签约项目是指…", "签约金额为…", "开工项目：指…"; the name is a few words, not a sentence. */
const CLAUSE =
  /^(?:\d+[.、．]|[(（]?[一二三四五六七八九十]+[)）、]?)?([^，,：:；;。]{2,16}?)[：:]?(?:是指|系指|指|为|统计口径为|口径为)(.+)$/;

/** Clauses that only restate the header or the period say nothing a ledger filter can use. */
const QUALIFIER =
  /\d+(?:\.\d+)?\s*(?:万|亿)|[千百十]万|亿元|工业项目|世界500强|央企|省外|境外|上述/;

/** The clause's definition, or the one after a heading ("三、统计口径：签约项目指…"). */
function definitionIn(clause: string): RegExpExecArray | null {
  const m = CLAUSE.exec(clause);
  if (m && QUALIFIER.test(m[2] ?? "")) return m;
  const colon = clause.search(/[：:]/);
  return colon < 0 ? null : CLAUSE.exec(clause.slice(colon + 1));
}

/** A 考核细则 table's columns: the indicator's name, and what it counts (统计口径, 计分方法, 指标说明…). */
const NAME_HEADER = /^(?:考核)?(?:指标|项目)(?:名称)?$/;
const DEFINITION_HEADER = /口径|计分方法|评分标准|指标说明|考核内容|指标定义/;

/**
 * A 考核细则 table (考核指标 | 分值 | 统计口径及计分方法): each row's 统计口径 defines the indicator its row names,
 * as a sentence would ("重大项目 | 40 | 单个项目协议投资额5亿元以上（含5亿元）的签约项目个数").
 */
function tableScopes(sheet: SheetGrid): StatedScope[] {
  const rows = sheet.rows.slice(0, ROWS);
  const texts = (row: readonly unknown[]): string[] =>
    row.map((v) => (typeof v === "string" ? normalizeText(v) : ""));
  const header = rows.findIndex((row) => {
    const t = texts(row);
    return t.some((v) => NAME_HEADER.test(v)) && t.some((v) => DEFINITION_HEADER.test(v));
  });
  if (header < 0) return [];
  const head = texts(rows[header] ?? []);
  const nameCol = head.findIndex((v) => NAME_HEADER.test(v));
  const definitionCol = head.findIndex((v) => DEFINITION_HEADER.test(v));
  const out: StatedScope[] = [];
  for (let r = header + 1; r < rows.length; r++) {
    const name = rows[r]?.[nameCol];
    const definition = rows[r]?.[definitionCol];
    if (typeof name !== "string" || typeof definition !== "string") continue;
    const text = toHalfWidth(definition).replace(/\s+/g, "");
    if (!QUALIFIER.test(text) || name.trim().length > 16) continue;
    out.push({
      key: normalizeText(name),
      definition: text,
      sheet: sheet.name,
      cell: toA1(r, definitionCol),
    });
  }
  return out;
}

export function statedScopes(sheets: readonly SheetGrid[]): StatedScope[] {
  const out: StatedScope[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    out.push(...tableScopes(sheet));
    for (const { text, cell } of titleTexts(sheet, ROWS)) {
      let previous: string | null = null;
      for (const clause of toHalfWidth(text).split(/[;；。\n]/)) {
        const m = definitionIn(clause.replace(/\s+/g, ""));
        if (!m || !QUALIFIER.test(m[2] ?? "")) continue;
        const key = normalizeText(m[1] ?? "");
        const own = m[2] ?? "";
        const definition: string =
          /上述|以上项目|前述/.test(own) && previous ? `${previous}；${own}` : own;
        out.push({ key, definition, sheet: sheet.name, cell });
        previous = definition;
      }
    }
  }
  return out;
}
