/* global Office, document, window, Worker */
/**
 * Ribbon "一键考核": runs the assessment with the workbook's saved settings and shows the outcome in a small
 * dialog. The same page, opened as that dialog with ?notice=…, renders the message. Office calls stay here.
 */
import { pickLocale } from "../app/locale";
import { inThreadRunner } from "../app/runners/in-thread-runner";
import { loadCoreEngine } from "../app/load-engine";
import { createDefaultOfficeHost } from "../workbook/office";
import { createSession } from "../app/session";
import { spawnEngineWorker } from "../app/runners/spawn-engine-worker";
import { todayIso } from "../app/today";
import { workerRunner } from "../app/runners/worker-runner";
import { quickAssess } from "./quick-assess";

const NOTICE = "notice";

/**
 * Excel waits for `event.completed()` after every ExecuteFunction command ("Add-in commands"): until then it shows
 * its busy indicator and will not run the command again. It is called exactly once, whatever throws.
 */
async function runAssessment(event: Office.AddinCommands.Event): Promise<void> {
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    event.completed();
  };
  let deferred = false;
  try {
    const locale = pickLocale(Office.context.displayLanguage);
    const session = createSession({
      host: createDefaultOfficeHost(),
      loadEngine: loadCoreEngine,
      runner: inThreadRunner(loadCoreEngine),
      ...(typeof Worker === "undefined" ? {} : { workerRunner: workerRunner(spawnEngineWorker) }),
    });
    const outcome = await quickAssess(session, todayIso(new Date()));
    const text = locale === "en-US" ? outcome.message_en : outcome.message_zh;
    showNotice(text, complete);
    deferred = true;
  } finally {
    // The dialog completes the event when it closes; anything that threw before it was shown completes it here.
    if (!deferred) complete();
  }
}

/** Opens this page as a dialog carrying the text; completes once the user closes it (or it cannot open). */
function showNotice(text: string, done: () => void): void {
  const url = new URL(window.location.href);
  url.search = "";
  url.searchParams.set(NOTICE, text);
  Office.context.ui.displayDialogAsync(
    url.toString(),
    { height: 25, width: 30, displayInIframe: true },
    (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return done();
      const dialog = result.value;
      const close = () => {
        dialog.close();
        done();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
    }
  );
}

function renderNotice(text: string): void {
  const locale = pickLocale(Office.context?.displayLanguage);
  document.documentElement.lang = locale;
  const main = document.createElement("main");
  main.style.cssText =
    "font-family:'Segoe UI','Microsoft YaHei',sans-serif;padding:16px;display:flex;flex-direction:column;gap:12px";
  const p = document.createElement("p");
  p.setAttribute("role", "status");
  p.textContent = text;
  const ok = document.createElement("button");
  ok.textContent = locale === "en-US" ? "OK" : "确定";
  ok.addEventListener("click", () => Office.context.ui.messageParent("close"));
  main.append(p, ok);
  document.body.append(main);
  ok.focus();
}

Office.onReady(() => {
  const notice = new URLSearchParams(window.location.search).get(NOTICE);
  if (notice !== null) return renderNotice(notice);
  Office.actions.associate("runAssessment", (event: Office.AddinCommands.Event) =>
    runAssessment(event).catch(() => undefined)
  );
});
