import { FluentProvider, RendererProvider, createDOMRenderer } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { RenderResult } from "@testing-library/react";
import type * as React from "react";
import { App } from "../../src/ui/App";
import type { PaneSession } from "../../src/app/session-types";
import type { Issue } from "../../src/core/issues";
import { MESSAGES } from "../../src/ui/i18n";
import type { Locale, Messages } from "../../src/ui/i18n";
import { IssuesScreen } from "../../src/ui/screens/IssuesScreen";

/**
 * The locale the screens' flows are walked in (the *-screen.cases modules' describe.each). The unit suite walks
 * them in zh-CN, the product's language (pane.test.tsx); the integration suite walks the same flows again in
 * en-US (pane-en-us.test.tsx, which calls walkInEnglish() before it loads them). Loading the cases reads this.
 */
export const LOCALES: Locale[] = ["zh-CN"];

export function walkInEnglish(): void {
  LOCALES.splice(0, LOCALES.length, "en-US");
}

/**
 * jsdom's getComputedStyle matches every element against every stylesheet rule, and the accessibility queries
 * call it for each node and its ancestors: with Fluent's few thousand atomic rules and its theme's hundreds of
 * custom properties, that was most of the suite's time. Only the rules that decide what is hidden (and so what
 * is in the accessibility tree) are inserted, and the theme's variables are left out (nothing here reads them).
 */
const VISIBILITY_RULE = /visibility|display:\s*none|content-visibility/;

export function renderFluent(ui: React.ReactElement): RenderResult {
  const renderer = createDOMRenderer(document, {
    unstable_filterCSSRule: (rule) => VISIBILITY_RULE.test(rule),
  });
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={{}}>{ui}</FluentProvider>
    </RendererProvider>
  );
}

export function renderApp(session: PaneSession, locale: Locale): RenderResult & { m: Messages } {
  const m = MESSAGES[locale];
  const result = renderFluent(<App session={session} messages={m} today="2026-11-23" />);
  return Object.assign(result, { m });
}

/** The issues screen alone; what the user selected or adopted is collected in `selected`. */
export function renderIssues(issues: readonly Issue[], locale: Locale, pageSize?: number) {
  const m = MESSAGES[locale];
  const selected: Issue[] = [];
  renderFluent(
    <IssuesScreen
      issues={issues}
      messages={m}
      onSelect={(i) => selected.push(i)}
      onAdopt={(i) => selected.push(i)}
      {...(pageSize === undefined ? {} : { pageSize })}
    />
  );
  return { m, selected };
}
