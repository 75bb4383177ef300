import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { MESSAGES, pickLocale } from "../ui/i18n";
import { inThreadRunner } from "../app/runners/in-thread-runner";
import { loadCoreEngine } from "../app/load-engine";
import { createSession } from "../app/session";
import { spawnEngineWorker } from "../app/runners/spawn-engine-worker";
import { todayIso } from "../app/today";
import { workerRunner } from "../app/runners/worker-runner";
import { saveFile } from "./save-file";
import { WEB_MESSAGES } from "./web-i18n";
import { WebApp } from "./WebApp";
import { workerCodec } from "../workbook/exceljs/worker-codec";
import { spawnXlsxWorker } from "../workbook/exceljs/spawn-xlsx-worker";

/* global document, navigator */

/** The engine, after zod is told not to probe for eval, which the page's CSP forbids (zod-jitless.ts). */
const loadEngine = async (): ReturnType<typeof loadCoreEngine> => {
  // @ts-expect-error TS2835: the file is CommonJS to tsc, but webpack resolves the extensionless path.
  await import(/* webpackChunkName: "engine" */ "./zod-jitless");
  return loadCoreEngine();
};

const locale = pickLocale(navigator.language);
const container = document.getElementById("container");
if (container) {
  document.documentElement.lang = locale;
  const runner = inThreadRunner(loadEngine);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <WebApp
        messages={MESSAGES[locale]}
        web={WEB_MESSAGES[locale]}
        codec={workerCodec(spawnXlsxWorker)}
        createSession={(host) =>
          createSession({
            host,
            loadEngine,
            runner,
            workerRunner: workerRunner(spawnEngineWorker),
          })
        }
        today={todayIso(new Date())}
        save={saveFile}
        starter={async (kind, today) => {
          const { starterWorkbook } = await import(
            // @ts-expect-error TS2835: the file is CommonJS to tsc, but webpack resolves the extensionless path.
            /* webpackChunkName: "starter" */ "./starter-workbooks"
          );
          return starterWorkbook(kind, today);
        }}
      />
    </FluentProvider>
  );
}
