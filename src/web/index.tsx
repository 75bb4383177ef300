import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { MESSAGES, pickLocale } from "../taskpane/i18n";

/* global document, navigator */

const locale = pickLocale(navigator.language);
const container = document.getElementById("container");
if (container) {
  document.documentElement.lang = locale;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App messages={MESSAGES[locale]} />
    </FluentProvider>,
  );
}
