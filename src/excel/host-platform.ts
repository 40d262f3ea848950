/**
 * The platform Office says the pane runs on (`Office.context.diagnostics.platform`: "OfficeOnline", "PC", "Mac",
 * "iOS", "Android", "Universal"). The pane decides from it how a produced file reaches the user
 * (src/taskpane/file-handover.ts). Read once Office is ready; no requirement set guards it in Excel.
 */
export function officePlatform(): string | undefined {
  try {
    const platform: unknown = Office.context?.diagnostics?.platform;
    return typeof platform === "string" && platform !== "" ? platform : undefined;
  } catch {
    // An Office loader that exposes no context (outside Office, or a host too old to say) tells nothing.
    return undefined;
  }
}
