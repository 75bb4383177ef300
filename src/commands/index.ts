/* global Office */

/** Ribbon "一键考核". Wired to the engine by the task-pane work; until then it says where to go. */
function runAssessment(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate("runAssessment", runAssessment);
});
