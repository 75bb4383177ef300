/** Schema validation (src/core/validate) fed from the rules in force: period, as-of, stages, 签约 threshold. */
import { GROUP_SHOWN } from "../issues/group";
import type { Issue } from "../issues/types";
import type { Recognition } from "../model/recognition";
import type { RuleSet } from "../rules/schema";
import { validateWorkbook } from "../validate";
import { undatedCountedNotes } from "./undated-note";

const utcDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The issues as grouping shows them: of many alike findings at ledger rows only the first are built. */
export function validateForRules(
  recognition: Recognition,
  rules: RuleSet,
  today?: string
): Issue[] {
  const signed = rules.indicators.find((i) => i.key === "signed_total")?.aggregate?.filter
    .threshold;
  const issues = validateWorkbook(
    recognition,
    {
      period: { start: utcDay(rules.period.start), end: utcDay(rules.period.end) },
      asOf: utcDay(rules.period.asOf),
      ...(today !== undefined && today > rules.period.asOf ? { today: utcDay(today) } : {}),
      stages: rules.stages,
      ...(rules.stageSynonyms ? { stageSynonyms: rules.stageSynonyms } : {}),
      signingThresholdWan: signed?.amount ?? null,
      totalTolerance: 0.001,
    },
    GROUP_SHOWN
  );
  return [...issues, ...undatedCountedNotes(recognition.ledgers, rules)];
}
