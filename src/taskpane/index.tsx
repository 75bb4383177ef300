import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../ui/App";
import { MESSAGES, pickLocale } from "../ui/i18n";
import { inThreadRunner } from "../app/runners/in-thread-runner";
import { loadCoreEngine } from "../app/load-engine";
import { createDefaultOfficeHost } from "../workbook/office";
import { createSession } from "../app/session";
import { spawnEngineWorker } from "../app/runners/spawn-engine-worker";
import { todayIso } from "../app/today";
import { workerRunner } from "../app/runners/worker-runner";

/* global Office, document */

Office.onReady(() => {
  const locale = pickLocale(Office.context?.displayLanguage);
  const container = document.getElementById("container");
  if (!container) return;
  document.documentElement.lang = locale;
  const session = createSession({
    host: createDefaultOfficeHost(),
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
