import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { FeatureUnavailable, hostSupport, isSetSupported, officePlatform, runInExcel, whenOfficeReady } from "../excel";
import { App, VIEWS, type HostState, type View } from "./App";
import { officeGateway } from "./gateway";

const root = createRoot(document.getElementById("root")!);
const asked = new URLSearchParams(window.location.search).get("vue");
const view: View = VIEWS.find((item) => item === asked) ?? "tableau";

function render(host: HostState, gateway?: ReturnType<typeof officeGateway>): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} {...(gateway ? { gateway } : {})} initialView={view} platform={{ platform: officePlatform(), userAgent: navigator.userAgent }} />
    </FluentProvider>,
  );
}

render("loading");
void whenOfficeReady().then((readiness) => {
  if (readiness !== "excel") return render("no-office");
  // Each feature checks its own requirement set; the pane itself needs ExcelApi 1.7, as the manifest says.
  const support = hostSupport(isSetSupported);
  if (!support.supports("pane")) return render({ refused: new FeatureUnavailable("pane").message });
  render(
    "excel",
    officeGateway(runInExcel, () => new Date(), support),
  );
});
