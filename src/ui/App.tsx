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
import type { PaneState } from "./pane-state";
import { useScorecard } from "./use-scorecard";
import type { ScorecardActions } from "./use-scorecard";
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

  const panelId = React.useId();

  return (
    <main className={styles.root}>
      <PaneTitle logoSrc={logoSrc} messages={messages} />

      <StatusRow
        state={state}
        messages={messages}
        showReadDetail={showReadDetail}
        onRefresh={() => void actions.refresh()}
      />

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

      <ScreenTabs
        screen={screen}
        onSelect={setScreen}
        panelId={panelId}
        messages={messages}
        issues={overview?.issues ?? null}
      />

      <ScreenPanels
        screen={screen}
        panelId={panelId}
        state={state}
        actions={actions}
        messages={messages}
        today={today}
        previewUnits={previewUnits}
      />
      {children}
    </main>
  );
}

/** The three screens; every one stays mounted (hidden when not selected) so typed dates and filters survive a tab switch. */
function ScreenPanels({
  screen,
  panelId,
  state,
  actions,
  messages,
  today,
  previewUnits,
}: {
  readonly screen: Screen;
  readonly panelId: string;
  readonly state: PaneState;
  readonly actions: ScorecardActions;
  readonly messages: Messages;
  readonly today: string;
  readonly previewUnits: number | undefined;
}): React.JSX.Element {
  const { overview } = state;
  const [adoptNotice, setAdoptNotice] = React.useState<string | null>(null);

  /** 采用建议: the suggestion is written into the cell (and its column's twins), then the workbook is checked again. */
  const adopt = async (issue: Issue) => {
    setAdoptNotice(null);
    const adopted = await actions.adoptSuggestion(issue);
    if (adopted) setAdoptNotice(messages.issues.adopted(adopted.text, adopted.cells));
  };

  return (
    <>
      <TabPanel id={`${panelId}-sheets`} label={messages.tabs.sheets} hidden={screen !== "sheets"}>
        {overview && (
          <SheetsScreen
            overview={overview}
            messages={messages}
            busy={state.busy}
            onSave={(o) => void actions.saveOverrides(o)}
          />
        )}
      </TabPanel>
      <TabPanel id={`${panelId}-issues`} label={messages.tabs.issues} hidden={screen !== "issues"}>
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
      </TabPanel>
      <TabPanel id={`${panelId}-assess`} label={messages.tabs.assess} hidden={screen !== "assess"}>
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
      </TabPanel>
    </>
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

function PaneTitle({
  logoSrc,
  messages,
}: {
  readonly logoSrc: string;
  readonly messages: Messages;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <img className={styles.logo} src={logoSrc} alt="" />
      <div>
        <Subtitle1 as="h1" block>
          {messages.productName}
        </Subtitle1>
        <Caption1 block>{messages.tagline}</Caption1>
      </div>
    </header>
  );
}

/** The spinner while the workbook is read or written, and the 刷新 button with its hint. */
function StatusRow({
  state,
  messages,
  showReadDetail,
  onRefresh,
}: {
  readonly state: PaneState;
  readonly messages: Messages;
  readonly showReadDetail: boolean;
  readonly onRefresh: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const refreshHint = React.useId();
  return (
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
          onClick={onRefresh}
          disabled={state.loading || state.busy || state.run.kind === "running"}
          aria-describedby={refreshHint}
        >
          {messages.refresh}
        </Button>
      </span>
    </div>
  );
}

/** 工作表 / 问题 (with its counts once the workbook is read) / 考核. */
function ScreenTabs({
  screen,
  onSelect,
  panelId,
  messages,
  issues,
}: {
  readonly screen: Screen;
  readonly onSelect: (screen: Screen) => void;
  readonly panelId: string;
  readonly messages: Messages;
  readonly issues: readonly Issue[] | null;
}): React.JSX.Element {
  const styles = useStyles();
  const errors = issues?.filter((i) => i.severity === "error").length ?? 0;
  return (
    <TabList
      className={styles.tabs}
      selectedValue={screen}
      onTabSelect={(_, data) => onSelect(data.value as Screen)}
      aria-label={messages.tabs.label}
      size="small"
    >
      <Tab value="sheets" aria-controls={`${panelId}-sheets`}>
        {messages.tabs.sheets}
      </Tab>
      <Tab value="issues" aria-controls={`${panelId}-issues`}>
        {messages.tabs.issues}
        {issues ? ` (${messages.issues.tabCount(issues.length, errors)})` : ""}
      </Tab>
      <Tab value="assess" aria-controls={`${panelId}-assess`}>
        {messages.tabs.assess}
      </Tab>
    </TabList>
  );
}

function TabPanel({
  id,
  label,
  hidden,
  children,
}: {
  readonly id: string;
  readonly label: string;
  readonly hidden: boolean;
  readonly children: React.ReactNode;
}): React.JSX.Element {
  return (
    <div role="tabpanel" id={id} aria-label={label} hidden={hidden}>
      {children}
    </div>
  );
}
