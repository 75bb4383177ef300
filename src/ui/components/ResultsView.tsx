import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { AssessmentResults } from "../../core/model/results";
import type { Messages } from "../i18n";
import { copyText } from "../clipboard";
import { showDay } from "../dates";
import { IndicatorMatrix } from "./IndicatorMatrix";
import { LazyResultCharts } from "./LazyResultCharts";
import { StatusBadge } from "./StatusBadge";
import { aboveFullMarks, fullMarks, percentText, rankChangeText } from "./results-view-model";

/** Units named in the note on scores above full marks; the rest are counted. */
const ABOVE_LISTED = 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { tableLayout: "auto", width: "100%" },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  rank: { width: "3em", whiteSpace: "nowrap" },
  change: { width: "3em", whiteSpace: "nowrap" },
  score: { width: "4em", textAlign: "end", whiteSpace: "nowrap" },
  status: { width: "1%", whiteSpace: "nowrap" },
  unit: { minWidth: "4.5em", overflowWrap: "anywhere" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  copyRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface ResultsViewProps {
  readonly results: AssessmentResults;
  readonly messages: Messages;
  /** Units in the ranking table; the rest are in the ranking sheet. */
  readonly limit?: number;
  /** 通报稿's whole-area paragraph. */
  readonly notice?: string;
  /** Rate cap of proportional scoring, for explaining scores above full marks. */
  readonly rateCap?: number | null;
}

/** The ranking with 名次变化, the completion matrix against 序时进度, why scores pass 100, and the 通报稿 paragraph. */
export function ResultsView({
  results,
  messages,
  limit = 10,
  notice,
  rateCap = null,
}: ResultsViewProps): React.JSX.Element {
  const styles = useStyles();
  const m = messages.assess;
  const above = aboveFullMarks(results);
  const { period } = results;
  return (
    <section className={styles.root} aria-label={m.previewTitle}>
      {!results.complete && <IncompleteBanner results={results} messages={messages} />}
      <Subtitle2 as="h2">{m.previewTitle}</Subtitle2>
      <Caption1 block>
        {m.periodEcho(
          showDay(period.start, messages.locale),
          showDay(period.end, messages.locale),
          showDay(period.asOf, messages.locale),
          percentText(period.timeProgress)
        )}
      </Caption1>
      <RankingTable
        results={results}
        messages={messages}
        limit={limit}
        marked={new Set(above.map((a) => a.unit))}
      />
      {results.units.length > limit && (
        <Caption1>{m.moreUnits(results.units.length - limit)}</Caption1>
      )}
      {above.length > 0 && (
        <Caption1 block data-testid="above-full">
          {m.aboveFull(
            fullMarks(results),
            rateCap === null ? null : percentText(rateCap, 0),
            above.slice(0, ABOVE_LISTED).map((a) =>
              m.aboveFullUnit(
                a.unit,
                a.score.toFixed(1),
                a.over.map((o) => `${o.name} ${percentText(o.rate)}`),
                a.bonus
              )
            ),
            Math.max(0, above.length - ABOVE_LISTED)
          )}
        </Caption1>
      )}
      <LazyResultCharts results={results} messages={messages} />
      <IndicatorMatrix results={results} messages={messages} />
      {notice && <NoticeCopy text={notice} messages={messages} />}
    </section>
  );
}

/** What could not be scored, item by item: such a ranking must not be read as valid. */
function IncompleteBanner({
  results,
  messages,
}: {
  readonly results: AssessmentResults;
  readonly messages: Messages;
}): React.JSX.Element {
  const styles = useStyles();
  const m = messages.assess;
  const en = messages.locale === "en-US";
  return (
    <MessageBar intent="error" layout="multiline" data-testid="incomplete-banner">
      <MessageBarBody>
        <MessageBarTitle>{m.incompleteTitle}</MessageBarTitle>
        <ul className={styles.list}>
          {results.incomplete.map((item, i) => (
            <li key={i}>{en ? item.message_en : item.message_zh}</li>
          ))}
        </ul>
        {m.incompleteHint}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The first `limit` units: rank, 名次变化, score (starred when above full marks) and status. */
function RankingTable({
  results,
  messages,
  limit,
  marked,
}: {
  readonly results: AssessmentResults;
  readonly messages: Messages;
  readonly limit: number;
  /** Units whose score is above full marks. */
  readonly marked: ReadonlySet<string>;
}): React.JSX.Element {
  const styles = useStyles();
  const m = messages.assess;
  return (
    // At 320 px the status badges do not fit: the table scrolls in its own box, never the page.
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={m.rankingTable}>
      <Table size="extra-small" className={styles.table} aria-label={m.previewTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.rank}>{m.rank}</TableHeaderCell>
            <TableHeaderCell className={styles.change}>{m.rankChange}</TableHeaderCell>
            <TableHeaderCell className={styles.unit}>{m.unit}</TableHeaderCell>
            <TableHeaderCell className={styles.score}>{m.score}</TableHeaderCell>
            <TableHeaderCell className={styles.status}>{m.status}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {results.units.slice(0, limit).map((unit) => (
            <TableRow key={unit.unit}>
              <TableCell className={styles.rank}>{unit.rank}</TableCell>
              <TableCell className={styles.change}>
                {rankChangeText(unit, results, messages.locale)}
              </TableCell>
              <TableCell className={styles.unit}>{unit.unit}</TableCell>
              <TableCell className={styles.score}>
                {unit.score.toFixed(1)}
                {marked.has(unit.unit) ? " *" : ""}
              </TableCell>
              <TableCell className={styles.status}>
                <StatusBadge status={unit.status} bands={results.bands} messages={messages} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function NoticeCopy({ text, messages }: { text: string; messages: Messages }): React.JSX.Element {
  const styles = useStyles();
  const m = messages.assess;
  const id = React.useId();
  const [copied, setCopied] = React.useState<boolean | null>(null);
  return (
    <section aria-labelledby={id}>
      <div className={styles.copyRow}>
        <Subtitle2 as="h3" id={id}>
          {m.noticeTitle}
        </Subtitle2>
        <Button size="small" onClick={() => void copyText(text).then(setCopied)}>
          {m.copy}
        </Button>
        <Caption1 role="status">
          {copied === true ? m.copied : copied === false ? m.copyFailed : ""}
        </Caption1>
      </div>
      <Textarea
        readOnly
        value={text}
        aria-labelledby={id}
        resize="vertical"
        rows={4}
        style={{ width: "100%" }}
        onFocus={(e) => e.currentTarget.select()}
      />
    </section>
  );
}
