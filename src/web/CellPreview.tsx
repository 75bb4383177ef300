import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookGrid } from "../core/grid";
import type { Messages } from "../ui/i18n";
import { cellWindow } from "./cell-window";
import type { CellSelection } from "../workbook/exceljs/exceljs-host";
import type { WebMessages } from "./web-i18n";

const useStyles = makeStyles({
  title: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  scroller: {
    overflow: "auto",
    maxHeight: "480px",
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
  readonly onClose?: () => void;
}

/** A whole sheet shown (查看排名表, 打开考核规则表) starts at A1 and shows more of it than a cell's neighbours. */
const SHEET_VIEW = { rows: 15, cols: 6 };

/** Read-only view of the cells around the selected one, the selected cell highlighted. */
export function CellPreview({
  grid,
  selection,
  messages,
  web,
  onClose,
}: CellPreviewProps): React.JSX.Element | null {
  const styles = useStyles();
  if (!selection) return null;
  const sheet = grid?.sheets.find((s) => s.name === selection.sheet);
  const whole = selection.address === "A1";
  const view = sheet
    ? whole
      ? cellWindow(sheet, "A1", SHEET_VIEW.rows, SHEET_VIEW.cols)
      : cellWindow(sheet, selection.address)
    : null;
  const title = `${selection.sheet}!${selection.address}`;
  const heading = whole ? web.sheetTitle(selection.sheet) : web.previewTitle(title);
  return (
    <section aria-label={heading} data-testid="cell-preview">
      <div className={styles.title}>
        <Subtitle2 as="h2" tabIndex={-1}>
          {heading}
        </Subtitle2>
        {onClose && (
          <Button size="small" appearance="subtle" onClick={onClose}>
            {web.closePreview}
          </Button>
        )}
      </div>
      <Caption1 block>{web.readOnly}</Caption1>
      {!view ? (
        <Caption1>{web.previewUnavailable}</Caption1>
      ) : (
        <div className={styles.scroller} tabIndex={0} role="region" aria-label={title}>
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
