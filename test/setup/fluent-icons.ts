/**
 * `@fluentui/react-icons` for jsdom tests. The real index evaluates some 60 chunks of icon definitions (thousands
 * of icons) in every test file that renders a Fluent component, seconds each time; the components use a dozen.
 * This module keeps the package's real helpers and builds any icon on first use, with the same name and markup
 * shape but a placeholder path: no test looks at an icon's drawing.
 */
import { join } from "node:path";

const LIB = join(__dirname, "..", "..", "node_modules", "@fluentui", "react-icons", "lib-cjs");

/* eslint-disable @typescript-eslint/no-require-imports */
const { createFluentIcon } = require(join(LIB, "utils", "createFluentIcon.cjs")) as {
  createFluentIcon: (name: string, size: string, paths: string[]) => unknown;
};
const helpers: Record<string, unknown> = {
  __esModule: true,
  createFluentIcon,
  ...(require(join(LIB, "utils", "wrapIcon.cjs")) as object),
  ...(require(join(LIB, "utils", "bundleIcon.cjs")) as object),
  ...(require(join(LIB, "utils", "useIconState.cjs")) as object),
  ...(require(join(LIB, "utils", "constants.cjs")) as object),
  ...(require(join(LIB, "contexts", "index.cjs")) as object),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ICON_NAME = /^[A-Z][A-Za-z0-9]*(Regular|Filled|Color|Light)$/;
const icons = new Map<string, unknown>();

module.exports = new Proxy(helpers, {
  get(target, name) {
    if (typeof name !== "string" || name in target || !ICON_NAME.test(name))
      return target[name as string];
    let icon = icons.get(name);
    if (!icon) {
      const size = /(\d+)(Regular|Filled|Color|Light)$/.exec(name)?.[1] ?? "1em";
      icon = createFluentIcon(name, size, ["M0 0h1v1H0z"]);
      icons.set(name, icon);
    }
    return icon;
  },
});
