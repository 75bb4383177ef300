import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookGrid } from "../core/grid";
import type { Messages } from "../ui/i18n";
import { cellWindow } from "./cell-window";
import type { CellSelection } from "../workbook/exceljs/exceljs-host";
import type { WebMessages } from "./web-i18n";

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    maxHeight: "360px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 6px",
    position: "sticky",
    top: 0,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    maxWidth: "14em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  target: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface CellPreviewProps {
  readonly grid: WorkbookGrid | null;
  readonly selection: CellSelection | null;
  readonly messages: Messages;
  readonly web: WebMessages;
}

/** Read-only view of the cells around the selected one, the selected cell highlighted. */
export function CellPreview({
  grid,
  selection,
  messages,
  web,
}: CellPreviewProps): React.JSX.Element | null {
  const styles = useStyles();
  if (!selection) return null;
  const sheet = grid?.sheets.find((s) => s.name === selection.sheet);
  const view = sheet ? cellWindow(sheet, selection.address) : null;
  const title = `${selection.sheet}!${selection.address}`;
  return (
    <section aria-label={web.previewTitle(title)}>
      <Subtitle2 as="h2">{web.previewTitle(title)}</Subtitle2>
      {!view ? (
        <Caption1>{web.previewUnavailable}</Caption1>
      ) : (
        <div className={styles.scroller}>
          <table className={styles.table} aria-label={title} lang={messages.locale}>
            <thead>
              <tr>
                <th className={styles.head} scope="col" />
                {view.cols.map((c) => (
                  <th key={c} className={styles.head} scope="col">
                    {view.columnName(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r}>
                  <th className={styles.head} scope="row">
                    {r + 1}
                  </th>
                  {view.cols.map((c) => {
                    const isTarget = r === view.target.row && c === view.target.col;
                    return (
                      <td
                        key={c}
                        className={isTarget ? `${styles.cell} ${styles.target}` : styles.cell}
                        aria-current={isTarget ? "true" : undefined}
                        title={view.text(r, c)}
                      >
                        {view.text(r, c)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
