// Both ribbon buttons open the task pane (ShowTaskpane actions in manifest.xml), so no function is registered here;
// the function file must still load Office.js and signal readiness for Excel to accept the add-in's commands.
Office.onReady(() => undefined);
