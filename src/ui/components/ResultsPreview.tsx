import {
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import * as React from "react";
import type { AssessmentResults } from "../../core/model/results";
import type { Messages } from "../i18n";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  table: { tableLayout: "auto", width: "100%" },
  rank: { width: "3em", whiteSpace: "nowrap" },
  score: { width: "3.5em", textAlign: "end" },
  status: { width: "1%", whiteSpace: "nowrap" },
  unit: { minWidth: "4.5em", overflowWrap: "anywhere" },
});

export interface ResultsPreviewProps {
  readonly results: AssessmentResults;
  readonly messages: Messages;
  /** Units shown; the rest are in the ranking sheet. */
  readonly limit?: number;
}

/** The top units with their scores and status bands (colour + symbol). */
export function ResultsPreview({
  results,
  messages,
  limit = 10,
}: ResultsPreviewProps): React.JSX.Element {
  const styles = useStyles();
  const m = messages.assess;
  const top = results.units.slice(0, limit);
  return (
    <section aria-label={m.previewTitle}>
      <Subtitle2 as="h2">{m.previewTitle}</Subtitle2>
      <Caption1 block>
        {results.period.start} – {results.period.end} · {m.asOf} {results.period.asOf} ·{" "}
        {m.timeProgress(percent(results.period.timeProgress))}
      </Caption1>
      <Table size="extra-small" className={styles.table} aria-label={m.previewTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.rank}>{m.rank}</TableHeaderCell>
            <TableHeaderCell className={styles.unit}>{m.unit}</TableHeaderCell>
            <TableHeaderCell className={styles.score}>{m.score}</TableHeaderCell>
            <TableHeaderCell className={styles.status}>{m.status}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {top.map((unit) => (
            <TableRow key={unit.unit}>
              <TableCell className={styles.rank}>{unit.rank}</TableCell>
              <TableCell className={styles.unit}>{unit.unit}</TableCell>
              <TableCell className={styles.score}>{unit.score.toFixed(1)}</TableCell>
              <TableCell className={styles.status}>
                <StatusBadge status={unit.status} bands={results.bands} messages={messages} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {results.units.length > limit && (
        <Caption1>{m.moreUnits(results.units.length - limit)}</Caption1>
      )}
    </section>
  );
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
