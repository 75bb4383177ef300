/**
 * A project several units brought in together (合作引进): its unit cell names them all ("南关区、宽城区"). It
 * counts once, for the first unit named (the 第一责任单位), and the reader is told so.
 */
import type { Issue } from "../issues";
import { issueAt } from "./issue";

const LIST = /[、，,;；/／+＋]/;

/** The first of two or more unit names listed in one cell, or null when the cell names one unit. */
export function firstNamedUnit(text: string): string | null {
  if (!LIST.test(text)) return null;
  const parts = text
    .split(LIST)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.length >= 2 && parts.every((p) => p.length >= 2) ? (parts[0] as string) : null;
}

export function sharedUnitIssue(
  sheet: string,
  row: number,
  col: number,
  text: string,
  first: string
): Issue {
  return issueAt(
    "unit_name_variant",
    "info",
    sheet,
    row,
    col,
    {
      zh: `“${text}”列出多个单位（合作引进），项目只计一次，计入第一个单位“${first}”`,
      en: `"${text}" names several units (brought in together); the project counts once, for the first, "${first}"`,
    },
    "unit"
  );
}
