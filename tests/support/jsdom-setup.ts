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
