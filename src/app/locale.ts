/** The two languages every shell speaks, and how a host's language setting picks one. */
export type Locale = "zh-CN" | "en-US";

/** English for any en-* setting, Chinese otherwise (the product's users are Chinese bureaus). */
export function pickLocale(displayLanguage: string | undefined): Locale {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}
