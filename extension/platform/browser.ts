// The one place that finds the browser's extension API. Firefox exposes promise-based `browser` (and a
// `chrome` alias); Chrome 116+ has `chrome` (recent versions alias it as `browser`), whose APIs used
// here all return promises too, so a
// `globalThis.browser ?? chrome` shim is enough and saves shipping webextension-polyfill (which would
// not cover `sidePanel` anyway).

/** Firefox's sidebar API, which @types/chrome does not describe. */
export interface SidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
  setPanel(details: { panel: string | null; tabId?: number }): Promise<void>;
}

export type BrowserApi = typeof chrome & { sidebarAction?: SidebarAction };

export function browserApi(): BrowserApi {
  const scope = globalThis as { browser?: BrowserApi; chrome?: BrowserApi };
  const api = scope.browser ?? scope.chrome;
  if (!api?.runtime) {
    throw new Error('Rounds runs as a browser extension: no extension API is available on this page.');
  }
  return api;
}
