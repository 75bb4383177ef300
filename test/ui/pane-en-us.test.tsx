/** @jest-environment jsdom */
// The screens' flows of pane.test.tsx walked again in en-US (integration suite): every assertion holds with the
// English messages. The cases that do not depend on the locale run once, in pane.test.tsx.
import "./jsdom-polyfills";
import "./english-walk";
import "./app.cases";
import "./assess-screen.cases";
import "./issues-screen.cases";
import "./sheets-screen.cases";
