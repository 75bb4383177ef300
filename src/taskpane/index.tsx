import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { MESSAGES, pickLocale } from "./i18n";

/* global Office, document */

Office.onReady(() => {
  const locale = pickLocale(Office.context?.displayLanguage);
  const container = document.getElementById("container");
  if (!container) return;
  document.documentElement.lang = locale;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App messages={MESSAGES[locale]} />
    </FluentProvider>,
  );
});
