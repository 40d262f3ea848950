import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App, type HostState } from "./App";

const root = createRoot(document.getElementById("root")!);

function render(host: HostState): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

render("loading");
if (typeof Office === "undefined") {
  render("no-office");
} else {
  Office.onReady((info) => render(info.host === Office.HostType.Excel ? "excel" : "no-office"));
}
