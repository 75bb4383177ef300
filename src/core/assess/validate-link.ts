/** Seam to schema validation (src/core/validate), fed from the rules in force. */
import type { Issue } from "../issues/types";
import type { Recognition } from "../model/recognition";
import type { RuleSet } from "../rules/schema";

export function validateForRules(_recognition: Recognition, _rules: RuleSet, _now: Date): Issue[] {
  // Wired to validateWorkbook once src/core/validate exports it.
  return [];
}
