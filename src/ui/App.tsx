import {
  Caption1,
  Button,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { EmptyWorkbook } from "./components/EmptyWorkbook";
import { ErrorBar } from "./components/ErrorBar";
import type { PaneSession, PhaseProgress, ScorecardSettings } from "../app/session-types";
import type { Messages } from "./i18n";
import { AssessScreen } from "./screens/AssessScreen";
import { IssuesScreen } from "./screens/IssuesScreen";
import { SheetsScreen } from "./screens/SheetsScreen";
import { useScorecard } from "./use-scorecard";
import { readingText } from "./reading-text";
import type { Issue } from "../core/issues";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  tabs: { flexWrap: "wrap" },
  status: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  refresh: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Screen = "sheets" | "issues" | "assess";

export interface AppProps {
  readonly session: PaneSession;
  readonly messages: Messages;
  /** Today's date, YYYY-MM-DD (injected so tests are stable). */
  readonly today: string;
  readonly logoSrc?: string;
  /** Units in the results preview (the web page shows them all). */
  readonly previewUnits?: number;
  /** Shown under the status row (the web page's file progress). */
  readonly banner?: React.ReactNode;
  /** Extra content below the screens (the web page's cell preview). */
  readonly children?: React.ReactNode;
  /** Rows read beside the spinner; false where the banner shows them (the web page's file bar). */
  readonly showReadDetail?: boolean;
}

export function App({
  session,
  messages,
  today,
  logoSrc = "assets/icon-32.png",
  previewUnits,
  banner,
  children,
  showReadDetail = true,
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [state, actions] = useScorecard(session);
  const [screen, setScreen] = React.useState<Screen>("assess");
  const { overview } = state;

  React.useEffect(() => {
    void actions.refresh();
  }, [actions]);

  const errorCount = overview?.issues.filter((i) => i.severity === "error").length ?? 0;
  const issueCount = overview?.issues.length ?? 0;
  const panelId = React.useId();
  const refreshHint = React.useId();
  const [adoptNotice, setAdoptNotice] = React.useState<string | null>(null);

  /** 采用建议: the suggestion is written into the cell (and its column's twins), then the workbook is checked again. */
  const adopt = async (issue: Issue) => {
    setAdoptNotice(null);
    const adopted = await actions.adoptSuggestion(issue);
    if (adopted) setAdoptNotice(messages.issues.adopted(adopted.text, adopted.cells));
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src={logoSrc} alt="" />
        <div>
          <Subtitle1 as="h1" block>
            {messages.productName}
          </Subtitle1>
          <Caption1 block>{messages.tagline}</Caption1>
        </div>
      </header>

      <div className={styles.status}>
        {state.loading || state.busy ? (
          <Spinner
            size="tiny"
            label={showReadDetail ? loadingLabel(state.reading, messages) : messages.loading}
          />
        ) : (
          <span />
        )}
        <span className={styles.refresh}>
          <Caption1 id={refreshHint} className={styles.hint}>
            {messages.refreshHint}
          </Caption1>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => void actions.refresh()}
            disabled={state.loading || state.busy || state.run.kind === "running"}
            aria-describedby={refreshHint}
          >
            {messages.refresh}
          </Button>
        </span>
      </div>

      {banner}
      {state.error && (
        <ErrorBar error={state.error} messages={messages} onDismiss={actions.dismiss} />
      )}
      {overview?.empty && (
        <EmptyWorkbook
          messages={messages}
          busy={state.busy}
          onSample={() => void actions.insertSample()}
          onTemplate={() => void actions.insertTemplate()}
        />
      )}

      <TabList
        className={styles.tabs}
        selectedValue={screen}
        onTabSelect={(_, data) => setScreen(data.value as Screen)}
        aria-label={messages.tabs.label}
        size="small"
      >
        <Tab value="sheets" aria-controls={`${panelId}-sheets`}>
          {messages.tabs.sheets}
        </Tab>
        <Tab value="issues" aria-controls={`${panelId}-issues`}>
          {messages.tabs.issues}
          {overview ? ` (${messages.issues.tabCount(issueCount, errorCount)})` : ""}
        </Tab>
        <Tab value="assess" aria-controls={`${panelId}-assess`}>
          {messages.tabs.assess}
        </Tab>
      </TabList>

      {/* Every screen stays mounted (hidden when not selected) so typed dates and filters survive a tab switch. */}
      <div
        role="tabpanel"
        id={`${panelId}-sheets`}
        aria-label={messages.tabs.sheets}
        hidden={screen !== "sheets"}
      >
        {overview && (
          <SheetsScreen
            overview={overview}
            messages={messages}
            busy={state.busy}
            onSave={(o) => void actions.saveOverrides(o)}
          />
        )}
      </div>
      <div
        role="tabpanel"
        id={`${panelId}-issues`}
        aria-label={messages.tabs.issues}
        hidden={screen !== "issues"}
      >
        {overview && (
          <IssuesScreen
            issues={overview.issues}
            messages={messages}
            onSelect={(i) => {
              setAdoptNotice(null);
              void actions.selectIssue(i);
            }}
            onAdopt={(i) => void adopt(i)}
            notice={adoptNotice}
          />
        )}
      </div>
      <div
        role="tabpanel"
        id={`${panelId}-assess`}
        aria-label={messages.tabs.assess}
        hidden={screen !== "assess"}
      >
        {overview && (
          <AssessScreen
            key={settingsKey(overview.settings)}
            overview={overview}
            run={state.run}
            messages={messages}
            busy={state.busy || state.loading}
            today={today}
            {...(previewUnits === undefined ? {} : { previewUnits })}
            onAssess={(o) => void actions.assess(o)}
            onCancel={actions.cancel}
            onOpenRules={() => void actions.openRules()}
            onShowRanking={() => void actions.showRanking()}
          />
        )}
      </div>
      {children}
    </main>
  );
}

/** The assess form starts from the saved settings: remount it when they change (e.g. after inserting the sample). */
function settingsKey(settings: ScorecardSettings): string {
  return [settings.asOf, settings.period?.start, settings.period?.end].join("|");
}

/** 正在读取 with the sheet and rows read so far, once the host reports them. */
function loadingLabel(reading: PhaseProgress | null, messages: Messages): string {
  return reading ? (readingText(reading, messages) ?? messages.loading) : messages.loading;
}
