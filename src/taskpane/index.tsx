import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App, type HostState, type View } from "./App";
import { missingRequirements } from "./errors";
import { officeGateway } from "./gateway";

const root = createRoot(document.getElementById("root")!);
const view: View = new URLSearchParams(window.location.search).get("vue") === "saisie" ? "saisie" : "tableau";
const gateway = officeGateway((work) => Excel.run(work));

function render(host: HostState): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} gateway={gateway} initialView={view} />
    </FluentProvider>,
  );
}

render("loading");
if (typeof Office === "undefined") {
  render("no-office");
} else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return render("no-office");
    const missing = missingRequirements((name, version) => Office.context.requirements.isSetSupported(name, version));
    render(missing.length > 0 ? { missing } : "excel");
  });
}
