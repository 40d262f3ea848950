import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { isSetSupported, runInExcel, whenOfficeReady } from "../excel";
import { App, VIEWS, type HostState, type View } from "./App";
import { missingRequirements } from "./errors";
import { officeGateway } from "./gateway";

const root = createRoot(document.getElementById("root")!);
const asked = new URLSearchParams(window.location.search).get("vue");
const view: View = VIEWS.find((item) => item === asked) ?? "tableau";
const gateway = officeGateway(runInExcel);

function render(host: HostState): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} gateway={gateway} initialView={view} />
    </FluentProvider>,
  );
}

render("loading");
void whenOfficeReady().then((readiness) => {
  if (readiness !== "excel") return render("no-office");
  const missing = missingRequirements(isSetSupported);
  render(missing.length > 0 ? { missing } : "excel");
});
