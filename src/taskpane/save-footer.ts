/**
 * The foot of a long form, kept in view: the save button and what saving said stay on screen however far the form
 * is scrolled, and the form's last field ends above it (the footer takes its own place at the end of the form).
 */
import { type GriffelStyle, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";

export const saveFooter: GriffelStyle = {
  position: "sticky",
  bottom: 0,
  zIndex: 1,
  display: "flex",
  flexDirection: "column",
  // Stretched, a message wraps within the pane's width instead of running past its edge.
  alignItems: "stretch",
  gap: tokens.spacingVerticalXS,
  paddingTop: tokens.spacingVerticalS,
  paddingBottom: tokens.spacingVerticalS,
  backgroundColor: tokens.colorNeutralBackground1,
  borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
};

/** The save button keeps its own width in the stretched footer. */
export const saveButton: GriffelStyle = { alignSelf: "flex-start" };

/**
 * Keeps a field reached with Tab from scrolling under the footer: the page's scroll padding follows the footer's
 * height, which grows with the message it shows.
 */
export function useSaveFooter(): (element: HTMLDivElement | null) => void {
  // A callback ref: the footer may appear after the first render (the evaluation form, once its sheets are added).
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    const root = element?.ownerDocument.documentElement;
    if (!element || !root || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingBottom = `${element.getBoundingClientRect().height + 8}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = "";
    };
  }, [element]);
  return setElement;
}
