import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Issue, Severity } from "../../core/issues";
import type { Messages } from "../i18n";
import { issueText } from "../i18n";
import { issueKindName } from "../issue-kinds";
import {
  ISSUE_PAGE,
  SEVERITIES,
  changesNumbers,
  countBySeverity,
  groupForList,
  withoutPlace,
} from "./issue-groups";
import type { IssueFilter, KindGroup, SheetGroup } from "./issue-groups";

export const SEVERITY_COLOR: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filter: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  row: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  item: {
    flexGrow: 1,
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "start",
    alignItems: "flex-start",
    height: "auto",
    paddingBlock: tokens.spacingVerticalXS,
  },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  text: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightRegular },
  cell: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  headerText: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px" },
  measure: {
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorPaletteDarkOrangeBorder2,
    paddingInlineStart: tokens.spacingHorizontalXS,
  },
  adopt: { flexShrink: 0, marginBlockStart: tokens.spacingVerticalXS },
  panel: { marginInline: 0, paddingInlineStart: tokens.spacingHorizontalS },
});

export interface IssuesScreenProps {
  readonly issues: readonly Issue[];
  readonly messages: Messages;
  readonly onSelect: (issue: Issue) => void;
  /** 采用建议: absent where the host cannot act on a suggestion. */
  readonly onAdopt?: (issue: Issue) => void;
  /** Issues listed per kind before "more" (tests pass a small page). */
  readonly pageSize?: number;
  /** Said after 采用建议 (what was written where). */
  readonly notice?: string | null;
}

/** The issue list: errors first, grouped by sheet and kind with counts, collapsible; a click selects the cell. */
export function IssuesScreen({
  issues,
  messages,
  onSelect,
  onAdopt,
  pageSize = ISSUE_PAGE,
  notice = null,
}: IssuesScreenProps): React.JSX.Element {
  const styles = useStyles();
  const [filter, setFilter] = React.useState<IssueFilter>("all");
  const filterId = React.useId();
  const m = messages.issues;
  if (issues.length === 0)
    return (
      <div className={styles.root}>
        <div role="status" aria-live="polite">
          {notice && <Caption1>{notice}</Caption1>}
        </div>
        <Text>{m.none}</Text>
      </div>
    );

  const groups = groupForList(issues, filter);
  const counts = countBySeverity(issues);
  const measures = issues.filter(changesNumbers).length;
  // Sheets with errors or warnings start open; a sheet of notes alone starts folded (unless it is the only one).
  const open = groups
    .filter((g) => groups.length === 1 || g.counts.error + g.counts.warning > 0)
    .map((g) => g.sheet);

  return (
    <div className={styles.root}>
      <div className={styles.filter}>
        <label htmlFor={filterId}>
          <Caption1>{m.filterLabel}</Caption1>
        </label>
        <Select
          id={filterId}
          value={filter}
          onChange={(_, data) => setFilter(data.value as IssueFilter)}
        >
          <option value="all">{`${m.all} (${issues.length})`}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>{`${messages.severity[s]} (${counts[s]})`}</option>
          ))}
        </Select>
      </div>
      {measures > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{m.measureNote(measures)}</MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {notice && <Caption1>{notice}</Caption1>}
      </div>
      {groups.length === 0 && <Text>{m.noneForFilter}</Text>}
      <Accordion
        key={filter}
        multiple
        collapsible
        defaultOpenItems={filter === "all" ? open : groups.map((g) => g.sheet)}
      >
        {groups.map((group) => (
          <SheetIssues
            key={group.sheet}
            group={group}
            messages={messages}
            onSelect={onSelect}
            {...(onAdopt ? { onAdopt } : {})}
            pageSize={pageSize}
          />
        ))}
      </Accordion>
    </div>
  );
}

interface GroupProps {
  readonly messages: Messages;
  readonly onSelect: (issue: Issue) => void;
  readonly onAdopt?: (issue: Issue) => void;
  readonly pageSize: number;
}

function SheetIssues({
  group,
  ...props
}: GroupProps & { readonly group: SheetGroup }): React.JSX.Element {
  const styles = useStyles();
  const m = props.messages;
  const parts = SEVERITIES.filter((s) => group.counts[s] > 0).map(
    (s) => `${m.severity[s]} ${group.counts[s]}`
  );
  const open = group.kinds
    .filter((k) => k.severity !== "info" || k.issues.length <= 3)
    .map((k) => k.code);
  return (
    <AccordionItem value={group.sheet} data-sheet={group.sheet}>
      <AccordionHeader as="h2" size="large">
        <span className={styles.headerText}>
          <span>{group.sheet}</span>
          <Caption1>
            {m.issues.count(group.total)}（{parts.join(" · ")}）
          </Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>
        <Accordion multiple collapsible defaultOpenItems={open}>
          {group.kinds.map((kind) => (
            <KindIssues key={kind.code} sheet={group.sheet} kind={kind} {...props} />
          ))}
        </Accordion>
      </AccordionPanel>
    </AccordionItem>
  );
}

function KindIssues({
  sheet,
  kind,
  messages,
  onSelect,
  onAdopt,
  pageSize,
}: GroupProps & { readonly sheet: string; readonly kind: KindGroup }): React.JSX.Element {
  const styles = useStyles();
  const [limit, setLimit] = React.useState(pageSize);
  const m = messages.issues;
  const shown = kind.issues.slice(0, limit);
  return (
    <AccordionItem
      value={kind.code}
      data-kind={kind.code}
      data-severity={kind.severity}
      className={kind.changesNumbers ? styles.measure : undefined}
    >
      <AccordionHeader as="h3" size="small">
        <span className={styles.headerText}>
          <Badge size="small" appearance="filled" color={SEVERITY_COLOR[kind.severity]}>
            {messages.severity[kind.severity]}
          </Badge>
          {kind.changesNumbers && (
            <Badge size="small" appearance="tint" color="severe">
              {m.measureBadge}
            </Badge>
          )}
          <span>{issueKindName(kind.code, messages.locale)}</span>
          <Caption1>× {kind.issues.length}</Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>
        <ul
          className={styles.list}
          aria-label={`${sheet} ${issueKindName(kind.code, messages.locale)}`}
        >
          {shown.map((issue, i) => (
            <IssueRow
              key={`${issue.cell}:${i}`}
              issue={issue}
              messages={messages}
              onSelect={onSelect}
              onAdopt={onAdopt}
            />
          ))}
        </ul>
        {kind.issues.length > limit && (
          <Button appearance="transparent" onClick={() => setLimit(limit + pageSize)}>
            {m.more(kind.issues.length - limit)}
          </Button>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}

/** One issue: its cell and text (a click selects the cell), how often it repeats, and 采用建议 when it has one. */
function IssueRow({
  issue,
  messages,
  onSelect,
  onAdopt,
}: {
  readonly issue: Issue;
  readonly messages: Messages;
  readonly onSelect: (issue: Issue) => void;
  readonly onAdopt: ((issue: Issue) => void) | undefined;
}): React.JSX.Element {
  const styles = useStyles();
  const m = messages.issues;
  return (
    <li className={styles.row}>
      <Button
        appearance="subtle"
        className={styles.item}
        onClick={() => onSelect(issue)}
        title={m.goTo(issue.sheet, issue.cell)}
      >
        <span className={styles.body}>
          <span>
            <span className={styles.cell}>{issue.cell}</span>{" "}
            <span className={styles.text}>
              {withoutPlace(issueText(messages, issue), issue.sheet, issue.cell)}
            </span>
          </span>
          {issue.count !== undefined && issue.count > 1 && (
            <Caption1 className={styles.text}>
              {m.repeated(issue.count, (issue.cells ?? []).join("、"))}
            </Caption1>
          )}
          {issue.suggestion && (
            <Caption1 className={styles.text}>{m.suggestion(issue.suggestion)}</Caption1>
          )}
        </span>
      </Button>
      {issue.suggestion && onAdopt && (
        <Button
          size="small"
          className={styles.adopt}
          onClick={() => onAdopt(issue)}
          aria-label={m.adoptFor(issue.suggestion, issue.cell)}
        >
          {m.adopt}
        </Button>
      )}
    </li>
  );
}
