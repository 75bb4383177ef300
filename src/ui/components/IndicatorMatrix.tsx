import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { AssessmentResults } from "../../core/model/results";
import type { Messages } from "../i18n";
import { percentText } from "./results-view-model";

const useStyles = makeStyles({
  // Wide tables scroll inside their own box, so a 320 px pane never scrolls sideways.
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  head: {
    padding: "2px 6px",
    textAlign: "start",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    minWidth: "4em",
  },
  unit: { padding: "2px 6px", whiteSpace: "nowrap", textAlign: "start" },
  cell: {
    padding: "2px 6px",
    whiteSpace: "nowrap",
    textAlign: "end",
    border: "1px solid rgba(0,0,0,0.12)",
  },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: "4px" },
});

export interface IndicatorMatrixProps {
  readonly results: AssessmentResults;
  readonly messages: Messages;
}

/** Every unit's completion rate per indicator, coloured and marked by status band against 序时进度. */
export function IndicatorMatrix({ results, messages }: IndicatorMatrixProps): React.JSX.Element {
  const styles = useStyles();
  const m = messages.assess;
  const en = messages.locale === "en-US";
  const band = (status: string) => results.bands.find((b) => b.status === status);
  const title = m.matrixTitle(percentText(results.period.timeProgress));
  return (
    <section aria-label={title}>
      <Caption1 block>{title}</Caption1>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={title}>
        <table className={styles.table} aria-label={title}>
          <thead>
            <tr>
              <th className={styles.head} scope="col">
                {m.unit}
              </th>
              {results.indicators.map((ind) => (
                <th key={ind.key} className={styles.head} scope="col">
                  {ind.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.units.map((u) => (
              <tr key={u.unit}>
                <th className={styles.unit} scope="row">
                  {u.unit}
                </th>
                {results.indicators.map((ind) => {
                  const r = u.indicators[ind.key];
                  const b = r ? band(r.status) : undefined;
                  const label = b ? (en ? b.label_en : b.label_zh) : "";
                  return (
                    <td
                      key={ind.key}
                      className={styles.cell}
                      data-status={r?.status}
                      title={label}
                      style={b ? { backgroundColor: `#${b.color}`, color: `#${b.fontColor}` } : {}}
                    >
                      {b?.symbol ? `${b.symbol} ` : ""}
                      {r && r.rate !== null ? percentText(r.rate) : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.legend} aria-label={m.legend}>
        {results.bands.map((b) => (
          <Caption1 key={b.status}>
            <span
              style={{
                backgroundColor: `#${b.color}`,
                color: `#${b.fontColor}`,
                padding: "0 4px",
                borderRadius: "3px",
              }}
            >
              {b.symbol} {en ? b.label_en : b.label_zh}
            </span>
          </Caption1>
        ))}
      </div>
    </section>
  );
}
