/**
 * Which rows of re-reported 台账 (one sheet per month, or a 报送月份 column) are the same project. A project
 * keeps its 项目编号 once it has one, and its name before then (the 1-6月 sheet without codes names 冷链物流项目,
 * the 8月 sheet codes it SY-2024-05 and renames it); and it may move to another unit between reports (备注
 * 由南关区移交) — the latest report's unit is its unit, never both. A name that one report lists under two units
 * is two projects (食品加工项目 of 宽城区 and of 二道区), and stays keyed by its unit.
 */
import { projectKey } from "../rules/ledger-projects";
import { unitKeyAt, type LedgerColumns } from "../model/ledger-columns";
import { normalizeText } from "../text";

const isCode = (key: string): boolean => key.startsWith("#");

/** The identity of each re-reported row: `key(from, i)`, built from every report at once. */
export function reportIdentities(
  reports: readonly LedgerColumns[]
): (from: LedgerColumns, i: number) => string {
  // A name a coded row carries → its code, when no two codes carry that name.
  const codeOfName = new Map<string, string | null>();
  for (const c of reports)
    for (let i = 0; i < c.length; i++) {
      const key = c.nameKey[i] as string;
      if (!isCode(key)) continue;
      const name = normalizeText(c.name[i] as string);
      const seen = codeOfName.get(name);
      codeOfName.set(name, seen === undefined || seen === key ? key : null);
    }
  const resolved = (c: LedgerColumns, i: number): string => {
    const key = c.nameKey[i] as string;
    return isCode(key) ? key : (codeOfName.get(key) ?? key);
  };
  // Keys some one report lists under two units or more: those are different projects, told by their unit.
  const shared = new Set<string>();
  for (const c of reports) {
    // A report is a sheet, or one 报送月份 of a sheet that keeps them all.
    const unitOf = new Map<string, string>();
    for (let i = 0; i < c.length; i++) {
      const key = resolved(c, i);
      if (key === "") continue;
      const unit = unitKeyAt(c, i);
      const at = `${c.reportDate?.[i] ?? ""}\u0000${key}`;
      const seen = unitOf.get(at);
      if (seen === undefined) unitOf.set(at, unit);
      else if (seen !== unit) shared.add(key);
    }
  }
  return (c, i) => {
    const key = resolved(c, i);
    return shared.has(key) ? projectKey({ unitKey: unitKeyAt(c, i), nameKey: key }) : key;
  };
}
