import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { MESSAGES, pickLocale } from "./i18n";
import { inThreadRunner } from "./in-thread-runner";
import { loadCoreEngine } from "./load-engine";
import { createOfficeWorkbookHost } from "./office-host";
import { createSession } from "./session";
import { spawnEngineWorker } from "./spawn-engine-worker";
import { todayIso } from "./today";
import { workerRunner } from "./worker-runner";

/* global Office, document */

Office.onReady(() => {
  const locale = pickLocale(Office.context?.displayLanguage);
  const container = document.getElementById("container");
  if (!container) return;
  document.documentElement.lang = locale;
  const session = createSession({
    host: createOfficeWorkbookHost(),
    loadEngine: loadCoreEngine,
    runner: inThreadRunner(loadCoreEngine),
    workerRunner: workerRunner(spawnEngineWorker),
  });
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App session={session} messages={MESSAGES[locale]} today={todayIso(new Date())} />
    </FluentProvider>
  );
});
