import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { RenderResult } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { ScorecardSession } from "../../src/taskpane/engine-port";
import { MESSAGES } from "../../src/taskpane/i18n";
import type { Locale, Messages } from "../../src/taskpane/i18n";

export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

export function renderApp(
  session: ScorecardSession,
  locale: Locale
): RenderResult & { m: Messages } {
  const m = MESSAGES[locale];
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App session={session} messages={m} today="2026-11-23" />
    </FluentProvider>
  );
  return Object.assign(result, { m });
}
