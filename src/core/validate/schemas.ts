import { z } from "zod";
import type { SheetRole } from "../model";

/** A column letter, or the cell heading a field of a table read on its side ("A3": the indicator's label). */
const column = z.string().regex(/^[A-Z]{1,3}(?:[1-9]\d*)?$/);

/**
 * Columns each role needs, checked against a sheet's column map. `required` missing is an error (the sheet
 * cannot be read), `expected` missing a warning (figures that depend on it will be absent).
 */
export const ROLE_COLUMNS: Partial<
  Record<SheetRole, { readonly required: z.ZodObject; readonly expected: z.ZodObject }>
> = {
  targets: { required: z.object({ unit: column }), expected: z.object({}) },
  actuals: { required: z.object({ unit: column }), expected: z.object({}) },
  ledger: {
    required: z.object({ project_name: column, unit: column }),
    expected: z.object({ investment: column, stage: column, signed_date: column }),
  },
};

/** Field keys a column map lacks according to `schema`. */
export function missingFields(
  schema: z.ZodObject,
  columns: Readonly<Record<string, string>>
): string[] {
  const result = schema.safeParse(columns);
  if (result.success) return [];
  return result.error.issues.map((issue) => String(issue.path[0] ?? ""));
}
