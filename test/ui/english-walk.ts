/** Imported before the cases by pane-en-us.test.tsx: the screens' flows are walked in en-US there. */
import { walkInEnglish } from "./render-app";

walkInEnglish();
