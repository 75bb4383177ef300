/** Corrections given for one run (the CLI's --map/--role) laid over those saved in the workbook. */
import type { RecognitionOverrides } from "../core/model/recognition";

/** The run's word wins per sheet role and per column; everything else saved stays. */
export function mergeOverrides(
  saved: RecognitionOverrides,
  run: RecognitionOverrides | undefined
): RecognitionOverrides {
  if (!run) return saved;
  const roles = { ...saved.roles, ...run.roles };
  const columns: Record<string, Readonly<Record<string, string>>> = { ...saved.columns };
  for (const [sheet, map] of Object.entries(run.columns ?? {}))
    columns[sheet] = { ...columns[sheet], ...map };
  return {
    ...(Object.keys(roles).length > 0 ? { roles } : {}),
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
  };
}

/** True when the run names any correction at all. */
export function hasOverrides(overrides: RecognitionOverrides | undefined): boolean {
  return (
    Object.keys(overrides?.roles ?? {}).length > 0 ||
    Object.keys(overrides?.columns ?? {}).length > 0
  );
}
