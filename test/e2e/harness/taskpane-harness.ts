/**
 * Entry of the e2e harness bundle: the emulator-backed Office globals first, then the production task pane
 * entry unchanged (ES modules evaluate in import order, so `Office` exists when index.tsx calls onReady).
 */
import "./office-stub";
import "../../../src/taskpane/index";
