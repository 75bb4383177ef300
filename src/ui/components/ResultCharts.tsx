/**
 * 图表 in the pane and the web page (issue 16): scores by rank coloured by status, and one indicator's completion
 * across units, each against the 序时进度 line. Horizontal bars, drawn with plain elements: they read at 320 px, cost
 * a few KB (a chart library would cost hundreds) and are loaded only when results are shown (LazyResultCharts).
 */
import { Caption1, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { AssessmentResults, StatusBand, Status } from "../../core/model/results";
import type { Messages } from "../i18n";
import { fullMarks, percentText } from "./results-view-model";

const PACE_COLOR = "#C00000";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  bars: { display: "flex", flexDirection: "column", gap: "3px" },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(3.5em, 6.5em) minmax(0, 1fr) 3.8em",
    alignItems: "center",
    columnGap: "6px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: "16px",
  },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  track: { position: "relative", height: "14px" },
  bar: {
    position: "absolute",
    left: 0,
    top: 0,
    bottom: 0,
    borderRadius: "2px",
    boxSizing: "border-box",
    border: "1px solid rgba(0,0,0,0.25)",
  },
  value: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // The 序时进度 line: a segment in every row's track, at the same place, reading as one line.
  pace: {
    position: "absolute",
    top: "-2px",
    bottom: "-3px",
    width: 0,
    borderLeft: `2px solid ${PACE_COLOR}`,
    pointerEvents: "none",
  },
  paceKey: { color: PACE_COLOR, fontWeight: tokens.fontWeightSemibold },
  picker: { display: "flex", flexDirection: "column", gap: "2px", maxWidth: "100%" },
});

interface Bar {
  readonly label: string;
  /** 0..1 of the track. */
  readonly length: number;
  readonly value: string;
  readonly band: StatusBand | undefined;
}

function BarChart({
  title,
  bars,
  pace,
  paceText,
  summary,
}: {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** Where the 序时进度 line falls, 0..1 of the track. */
  readonly pace: number;
  readonly paceText: string;
  readonly summary: string;
}): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  return (
    <figure className={styles.figure} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {title}
      </Subtitle2>
      <div className={styles.bars} role="img" aria-label={summary}>
        {bars.map((b) => (
          <div key={b.label} className={styles.row} title={`${b.label} ${b.value}`}>
            <span className={styles.label}>{b.label}</span>
            <span className={styles.track}>
              <span
                className={styles.bar}
                data-status={b.band?.status}
                style={{
                  width: `${Math.max(0, Math.min(1, b.length)) * 100}%`,
                  backgroundColor: b.band ? `#${b.band.color}` : tokens.colorBrandBackground,
                }}
              />
              <span
                className={styles.pace}
                data-testid="pace-line"
                style={{ left: `${Math.max(0, Math.min(1, pace)) * 100}%` }}
              />
            </span>
            <span className={styles.value}>
              {b.band?.symbol ? `${b.band.symbol} ` : ""}
              {b.value}
            </span>
          </div>
        ))}
      </div>
      <Caption1 className={styles.paceKey}>{paceText}</Caption1>
    </figure>
  );
}

/** A round top for the axis: the largest value, at least `floor`. */
function axisMax(values: readonly number[], floor: number): number {
  const top = Math.max(floor, ...values);
  const step = top > 2 ? 10 : 0.2;
  return Math.ceil(top / step - 1e-9) * step;
}

export interface ResultChartsProps {
  readonly results: AssessmentResults;
  readonly messages: Messages;
}

export function ResultCharts({ results, messages }: ResultChartsProps): React.JSX.Element {
  const styles = useStyles();
  const m = messages.assess.charts;
  const bandOf = (status: Status) => results.bands.find((b) => b.status === status);
  const units = [...results.units].sort((a, z) => a.rank - z.rank);
  const tp = results.period.timeProgress;
  const paceText = m.paceLine(percentText(tp));

  const full = fullMarks(results);
  const scoreMax = axisMax(
    units.map((u) => u.score),
    full
  );
  const scoreBars: Bar[] = units.map((u) => ({
    label: u.unit,
    length: u.score / scoreMax,
    value: u.score.toFixed(1),
    band: bandOf(u.status),
  }));

  const charted = results.indicators.filter((ind) =>
    units.some((u) => (u.indicators[ind.key]?.rate ?? null) !== null)
  );
  const [key, setKey] = React.useState(charted[0]?.key ?? "");
  const indicator = charted.find((i) => i.key === key) ?? charted[0];
  const pickerId = React.useId();
  const rates = indicator
    ? units.map((u) => ({ unit: u, r: u.indicators[indicator.key] ?? null }))
    : [];
  const rateMax = axisMax(
    rates.map(({ r }) => r?.rate ?? 0),
    1
  );
  const rateBars: Bar[] = rates.map(({ unit, r }) => ({
    label: unit.unit,
    length: r?.rate != null ? r.rate / rateMax : 0,
    value: r?.rate != null ? percentText(r.rate, 0) : "—",
    band: r ? bandOf(r.status) : undefined,
  }));
  const behind = rates
    .filter(({ r }) => r?.rate != null && r.rate < tp)
    .map(({ unit }) => unit.unit);

  return (
    <section className={styles.root} aria-label={m.title} data-testid="result-charts">
      <BarChart
        title={m.scores}
        bars={scoreBars}
        pace={(full * tp) / scoreMax}
        paceText={m.scorePace((full * tp).toFixed(1), percentText(tp))}
        summary={m.scoresSummary(
          units.slice(0, 3).map((u) => `${u.unit} ${u.score.toFixed(1)}`),
          (full * tp).toFixed(1)
        )}
      />
      {indicator && (
        <div className={styles.figure}>
          <div className={styles.picker}>
            <label htmlFor={pickerId}>
              <Caption1>{m.pickIndicator}</Caption1>
            </label>
            <Select id={pickerId} value={indicator.key} onChange={(_, d) => setKey(d.value)}>
              {charted.map((ind) => (
                <option key={ind.key} value={ind.key}>
                  {ind.unit ? `${ind.name}（${ind.unit}）` : ind.name}
                </option>
              ))}
            </Select>
          </div>
          <BarChart
            title={m.completion(indicator.name)}
            bars={rateBars}
            pace={tp / rateMax}
            paceText={paceText}
            summary={m.completionSummary(indicator.name, percentText(tp), behind)}
          />
        </div>
      )}
    </section>
  );
}

export default ResultCharts;
