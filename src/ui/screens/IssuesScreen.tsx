import {
  Badge,
  Button,
  Caption1,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Issue, Severity } from "../../core/issues";
import type { Messages } from "../i18n";
import { issueText } from "../i18n";
import { ISSUE_PAGE, SEVERITIES, countBySeverity, groupBySheet } from "./issue-groups";
import type { IssueFilter } from "./issue-groups";

const COLOR: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    alignItems: "flex-start",
    height: "auto",
    paddingBlock: tokens.spacingVerticalXS,
  },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  head: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  text: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightRegular },
});

export interface IssuesScreenProps {
  readonly issues: readonly Issue[];
  readonly messages: Messages;
  readonly onSelect: (issue: Issue) => void;
  /** Issues listed per sheet before "more" (tests pass a small page). */
  readonly pageSize?: number;
}

/** The issue list grouped by sheet; clicking an issue selects its cell. */
export function IssuesScreen({
  issues,
  messages,
  onSelect,
  pageSize = ISSUE_PAGE,
}: IssuesScreenProps): React.JSX.Element {
  const styles = useStyles();
  const [filter, setFilter] = React.useState<IssueFilter>("all");
  const filterId = React.useId();
  const m = messages.issues;
  if (issues.length === 0) return <Text>{m.none}</Text>;

  const groups = groupBySheet(issues, filter);
  const counts = countBySeverity(issues);

  return (
    <div className={styles.root}>
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
      {groups.length === 0 && <Text>{m.noneForFilter}</Text>}
      {groups.map(([sheet, list]) => (
        <SheetIssues
          key={sheet}
          sheet={sheet}
          issues={list}
          messages={messages}
          onSelect={onSelect}
          pageSize={pageSize}
        />
      ))}
    </div>
  );
}

function SheetIssues({
  sheet,
  issues,
  messages,
  onSelect,
  pageSize,
}: {
  sheet: string;
  issues: readonly Issue[];
  messages: Messages;
  onSelect: (issue: Issue) => void;
  pageSize: number;
}): React.JSX.Element {
  const styles = useStyles();
  const [limit, setLimit] = React.useState(pageSize);
  const headingId = React.useId();
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {sheet} · {messages.issues.count(issues.length)}
      </Subtitle2>
      <ul className={styles.list}>
        {issues.slice(0, limit).map((issue, i) => (
          <li key={`${issue.code}:${issue.cell}:${i}`}>
            <Button
              appearance="subtle"
              className={styles.item}
              onClick={() => onSelect(issue)}
              title={messages.issues.goTo(issue.sheet, issue.cell)}
            >
              <span className={styles.body}>
                <span className={styles.head}>
                  <Badge size="small" appearance="filled" color={COLOR[issue.severity]}>
                    {messages.severity[issue.severity]}
                  </Badge>
                  <Text weight="semibold">{issue.cell}</Text>
                </span>
                <span className={styles.text}>{issueText(messages, issue)}</span>
                {issue.suggestion && (
                  <Caption1 className={styles.text}>
                    {messages.issues.suggestion(issue.suggestion)}
                  </Caption1>
                )}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {issues.length > limit && (
        <Button appearance="transparent" onClick={() => setLimit(limit + pageSize)}>
          {messages.issues.more(issues.length - limit)}
        </Button>
      )}
    </section>
  );
}
