import {
  Badge,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  SHEET_ROLES,
  type RecognitionOverrides,
  type SheetReport,
  type SheetRole,
} from "../../core/model/recognition";
import type { ColumnDescription } from "../../core/recognize/column-descriptions";
import type { WorkbookOverview } from "../../app/session-types";
import type { Messages } from "../i18n";
import {
  MEASURES,
  STRUCTURAL,
  columnKind,
  indicatorChoices,
  measureValue,
  recognisedMeanings,
  withColumn,
  type IndicatorChoice,
  type Meaning,
} from "./column-choices";

const ROLES: readonly SheetRole[] = SHEET_ROLES;
const AUTO = "";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
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
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  column: { display: "flex", flexDirection: "column", gap: "2px" },
  columnHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  letter: { fontWeight: tokens.fontWeightSemibold, minWidth: "2em" },
  header: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface SheetsScreenProps {
  readonly overview: WorkbookOverview;
  readonly messages: Messages;
  readonly busy: boolean;
  readonly onSave: (overrides: RecognitionOverrides) => void;
}

/** Each sheet's role and every column with its header and a sample, each correctable; saved in the workbook. */
export function SheetsScreen({
  overview,
  messages,
  busy,
  onSave,
}: SheetsScreenProps): React.JSX.Element {
  const styles = useStyles();
  const { overrides } = overview.settings;
  // The hidden state sheet is the product's memory, not something to recognise or override; which sheet it is
  // comes from its signature, so a user's sheet that merely bears its name is listed like any other.
  const reports = overview.reports.filter((r) => r.name !== overview.stateSheet);
  if (reports.length === 0) return <Text>{messages.sheets.none}</Text>;
  const m = messages.sheets;
  const noTargets = !reports.some((r) => r.role === "targets" || r.role === "combined");
  const indicators = indicatorChoices(
    overview.indicators,
    overview.fieldsByRole.targets ?? [],
    messages.locale
  );

  const setRole = (sheet: string, role: SheetRole) =>
    onSave({ ...overrides, roles: { ...overrides.roles, [sheet]: role } });
  const setColumn = (sheet: string, column: string, value: string) => {
    const columns = withColumn(overrides.columns, sheet, column, value);
    const { columns: _dropped, ...rest } = overrides;
    onSave(Object.keys(columns).length > 0 ? { ...rest, columns } : rest);
  };

  return (
    <div className={styles.root}>
      {noTargets && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-targets-help">
          <MessageBarBody>
            <MessageBarTitle>{m.noTargetsTitle}</MessageBarTitle>
            <ol className={styles.steps}>
              {m.noTargetsSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {reports.map((report) => (
          <li key={report.name} className={styles.sheet}>
            <SheetCard
              report={report}
              columns={overview.columns?.[report.name] ?? []}
              messages={messages}
              busy={busy}
              overridden={
                overrides.roles?.[report.name] !== undefined ||
                overrides.columns?.[report.name] !== undefined
              }
              saved={overrides.columns?.[report.name] ?? {}}
              indicators={indicators}
              ledgerFields={overview.fieldsByRole.ledger ?? []}
              onRole={(role) => setRole(report.name, role)}
              onColumn={(column, value) => setColumn(report.name, column, value)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

interface SheetCardProps {
  readonly report: SheetReport;
  readonly columns: readonly ColumnDescription[];
  readonly messages: Messages;
  readonly busy: boolean;
  readonly overridden: boolean;
  readonly saved: Readonly<Record<string, string>>;
  readonly indicators: readonly IndicatorChoice[];
  readonly ledgerFields: readonly { key: string; label_zh: string; label_en: string }[];
  readonly onRole: (role: SheetRole) => void;
  readonly onColumn: (column: string, value: string) => void;
}

function SheetCard(props: SheetCardProps): React.JSX.Element {
  const { report, messages, busy } = props;
  const m = messages.sheets;
  const roleId = React.useId();
  const kind = columnKind(report.role);
  return (
    <>
      <SheetTitle report={report} overridden={props.overridden} messages={messages} />
      <label htmlFor={roleId}>
        <Caption1>{m.role}</Caption1>
      </label>
      <Select
        id={roleId}
        value={report.role}
        disabled={busy}
        onChange={(_, data) => props.onRole(data.value as SheetRole)}
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
      {kind !== null && <ColumnChoices {...props} kind={kind} />}
    </>
  );
}

/** The sheet's name with how sure the recognition is, and whether it is hidden or corrected by hand. */
function SheetTitle({
  report,
  overridden,
  messages,
}: {
  readonly report: SheetReport;
  readonly overridden: boolean;
  readonly messages: Messages;
}): React.JSX.Element {
  const styles = useStyles();
  const m = messages.sheets;
  const percent = Math.round(report.confidence * 100);
  return (
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
  );
}

/** Each column of the sheet: its header and a sample, what it was recognised as, and a choice to correct that. */
function ColumnChoices(
  props: SheetCardProps & { readonly kind: "table" | "ledger" }
): React.JSX.Element | null {
  const { report, messages, busy, kind } = props;
  const styles = useStyles();
  const m = messages.sheets;
  const meanings = recognisedMeanings(report);
  const name = (key: string) => {
    const own = props.indicators.find((i) => i.key === key)?.name;
    if (own) return own;
    const field = props.ledgerFields.find((f) => f.key === key);
    if (field) return messages.locale === "en-US" ? field.label_en : field.label_zh;
    return key;
  };
  const describe = (meaning: Meaning | undefined): string => {
    if (!meaning) return m.notUsed;
    if (meaning.structural) return m.structural[meaning.structural];
    const what = name(meaning.key ?? "");
    return meaning.measure ? `${what} · ${m.measures[meaning.measure]}` : what;
  };
  // Every column of the sheet (recognised or not); a report without descriptions lists its mapped letters.
  const listed: readonly ColumnDescription[] =
    props.columns.length > 0
      ? props.columns
      : [...meanings.keys()].sort().map((column) => ({ column, header: "", sample: null }));
  if (listed.length === 0) return null;
  return (
    <section aria-label={`${report.name} ${m.columns}`}>
      <Caption1 block>{m.columnsIntro}</Caption1>
      <ul className={styles.columns}>
        {listed.map((c) => (
          <li key={c.column} className={styles.column} data-column={c.column}>
            <span className={styles.columnHead}>
              <span className={styles.letter}>{c.column}</span>
              <Text className={styles.header}>{c.header || m.noHeader}</Text>
            </span>
            <Caption1 className={styles.muted}>
              {c.sample !== null ? m.sample(c.sample) : m.noSample}
              {" · "}
              {m.recognisedAs(describe(meanings.get(c.column)))}
            </Caption1>
            <Select
              size="small"
              aria-label={m.columnFor(c.column, c.header)}
              value={props.saved[c.column] ?? AUTO}
              disabled={busy}
              onChange={(_, data) => props.onColumn(c.column, data.value)}
            >
              <ColumnOptions
                kind={kind}
                header={c.header}
                saved={props.saved[c.column]}
                indicators={props.indicators}
                ledgerFields={props.ledgerFields}
                messages={messages}
              />
            </Select>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ColumnOptions({
  kind,
  header,
  saved,
  indicators,
  ledgerFields,
  messages,
}: {
  kind: "table" | "ledger";
  header: string;
  saved: string | undefined;
  indicators: readonly IndicatorChoice[];
  ledgerFields: readonly { key: string; label_zh: string; label_en: string }[];
  messages: Messages;
}): React.JSX.Element {
  const m = messages.sheets;
  const en = messages.locale === "en-US";
  const known = new Set<string>([AUTO, "ignore"]);
  const option = (value: string, label: string) => {
    known.add(value);
    return (
      <option key={value} value={value}>
        {label}
      </option>
    );
  };
  const body =
    kind === "ledger" ? (
      <optgroup label={m.ledgerFields}>
        {ledgerFields.map((f) => option(f.key, en ? f.label_en : f.label_zh))}
      </optgroup>
    ) : (
      <>
        <optgroup label={m.structuralGroup}>
          {STRUCTURAL.map((s) => option(s, m.structural[s]))}
        </optgroup>
        {header !== "" && !indicators.some((i) => i.name === header) && (
          <optgroup label={m.newIndicator(header)}>
            {MEASURES.map((measure) =>
              option(measureValue(measure, header), `${header} · ${m.measures[measure]}`)
            )}
          </optgroup>
        )}
        {indicators.map((ind) => (
          <optgroup key={ind.key} label={ind.name}>
            {MEASURES.map((measure) =>
              option(measureValue(measure, ind.key), `${ind.name} · ${m.measures[measure]}`)
            )}
          </optgroup>
        ))}
      </>
    );
  return (
    <>
      <option value={AUTO}>{m.auto}</option>
      <option value="ignore">{m.ignore}</option>
      {body}
      {/* A correction saved earlier (or by the CLI's --map) that none of the choices spells. */}
      {saved !== undefined && !known.has(saved) && <option value={saved}>{saved}</option>}
    </>
  );
}
