/**
 * Pane settings (overrides, as-of date, period) live as key/value rows in the hidden state sheet, so they
 * travel with the file and every host can read them. The logic is core's; the pane re-exports it.
 */
export { EMPTY_SETTINGS, parseSettings, planSettingsSheet, readSettings } from "../core/state";
