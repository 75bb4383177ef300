import {
  Badge,
  Caption1,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { RecognitionOverrides, SheetReport, SheetRole } from "../../core/model/recognition";
import { STATE_SHEET_NAME } from "../../core/plan/product-sheets";
import type { FieldChoice, WorkbookOverview } from "../../app/session-types";
import type { Messages } from "../i18n";

const ROLES: readonly SheetRole[] = ["targets", "actuals", "ledger", "rules", "output", "other"];
const UNUSED = "";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  sheet: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  title: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  name: { overflowWrap: "anywhere" },
  columns: {
    display: "grid",
    gridTemplateColumns: "3em 1fr",
    gap: tokens.spacingVerticalXXS,
    alignItems: "center",
  },
});

export interface SheetsScreenProps {
  readonly overview: WorkbookOverview;
  readonly messages: Messages;
  readonly busy: boolean;
  readonly onSave: (overrides: RecognitionOverrides) => void;
}

/** Each sheet's recognised role, confidence and column mapping, with overrides saved in the workbook. */
export function SheetsScreen({
  overview,
  messages,
  busy,
  onSave,
}: SheetsScreenProps): React.JSX.Element {
  const styles = useStyles();
  const { overrides } = overview.settings;
  // The hidden state sheet is the product's memory, not something to recognise or override.
  const reports = overview.reports.filter((r) => r.name !== STATE_SHEET_NAME);
  if (reports.length === 0) return <Text>{messages.sheets.none}</Text>;

  const setRole = (sheet: string, role: SheetRole) =>
    onSave({ ...overrides, roles: { ...overrides.roles, [sheet]: role } });
  const setColumn = (sheet: string, column: string, field: string) => {
    const columns = overrides.columns ?? {};
    onSave({
      ...overrides,
      columns: { ...columns, [sheet]: { ...columns[sheet], [column]: field } },
    });
  };

  return (
    <ul className={styles.list}>
      {reports.map((report) => (
        <li key={report.name} className={styles.sheet}>
          <SheetCard
            report={report}
            messages={messages}
            busy={busy}
            overridden={overrides.roles?.[report.name] !== undefined}
            choices={overview.fieldsByRole[report.role] ?? []}
            onRole={(role) => setRole(report.name, role)}
            onColumn={(column, field) => setColumn(report.name, column, field)}
          />
        </li>
      ))}
    </ul>
  );
}

interface SheetCardProps {
  readonly report: SheetReport;
  readonly messages: Messages;
  readonly busy: boolean;
  readonly overridden: boolean;
  readonly choices: readonly FieldChoice[];
  readonly onRole: (role: SheetRole) => void;
  readonly onColumn: (column: string, field: string) => void;
}

function SheetCard({
  report,
  messages,
  busy,
  overridden,
  choices,
  onRole,
  onColumn,
}: SheetCardProps): React.JSX.Element {
  const styles = useStyles();
  const m = messages.sheets;
  const roleId = React.useId();
  const columns = columnRows(report);
  const label = (key: string) => {
    const choice = choices.find((c) => c.key === key);
    if (!choice) return key === "seq" ? m.seq : key;
    return messages.locale === "en-US" ? choice.label_en : choice.label_zh;
  };
  const percent = Math.round(report.confidence * 100);

  return (
    <>
      <div className={styles.title}>
        <Subtitle2 as="h2" className={styles.name}>
          {report.name}
        </Subtitle2>
        <Badge
          appearance="tint"
          color={percent >= 70 ? "success" : percent >= 40 ? "warning" : "danger"}
        >
          {m.confidence(percent)}
        </Badge>
        {report.hidden && <Badge appearance="outline">{m.hidden}</Badge>}
        {overridden && (
          <Badge appearance="outline" color="brand">
            {m.overridden}
          </Badge>
        )}
      </div>
      <label htmlFor={roleId}>
        <Caption1>{m.role}</Caption1>
      </label>
      <Select
        id={roleId}
        value={report.role}
        disabled={busy}
        onChange={(_, data) => onRole(data.value as SheetRole)}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {messages.roles[role]}
          </option>
        ))}
      </Select>
      <Caption1>
        {report.headerRows.length > 0 ? m.headerRows(report.headerRows.join(", ")) : ""}
        {report.headerRows.length > 0 ? " · " : ""}
        {report.dataRows ? m.dataRows(report.dataRows.first, report.dataRows.last) : m.noData}
      </Caption1>
      {columns.length > 0 && (
        <section aria-label={`${report.name} ${m.columns}`}>
          <Caption1>{m.columns}</Caption1>
          <div className={styles.columns}>
            {columns.map(({ column, field }) => (
              <React.Fragment key={column}>
                <Text weight="semibold">{column}</Text>
                <Select
                  size="small"
                  aria-label={m.columnFor(column)}
                  value={field}
                  disabled={busy}
                  onChange={(_, data) => onColumn(column, data.value)}
                >
                  <option value={UNUSED}>{m.unmapped}</option>
                  {field !== UNUSED && !choices.some((c) => c.key === field) && (
                    <option value={field}>{label(field)}</option>
                  )}
                  {choices.map((c) => (
                    <option key={c.key} value={c.key}>
                      {label(c.key)}
                    </option>
                  ))}
                </Select>
              </React.Fragment>
            ))}
          </div>
        </section>
      )}
    </>
  );
}

/** Mapped and unrecognised columns in sheet order. */
export function columnRows(report: SheetReport): { column: string; field: string }[] {
  const rows = Object.entries(report.columns).map(([field, column]) => ({ column, field }));
  for (const column of report.unrecognisedColumns)
    if (!rows.some((r) => r.column === column)) rows.push({ column, field: UNUSED });
  return rows.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
}
