// jsdom has no layout engine, hence no ResizeObserver; Fluent UI's MessageBar asks for one. Observing nothing is
// what a layout-free DOM would report anyway.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
}

// jest's jsdom environment lacks the encoders that jsdom itself needs, and the fake Excel host opens a jsdom window
// of its own for Microsoft's Office.js runtime.
if (typeof window !== "undefined" && typeof globalThis.TextEncoder === "undefined") {
  const { TextEncoder, TextDecoder } = require("node:util") as typeof import("node:util");
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}
