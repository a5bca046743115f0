// Turns the top-level manifest.json (written for Chrome) into the Chrome and Firefox manifests of a build.
import { readFile } from 'node:fs/promises';

export type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js: string[]; run_at?: string }>;
};

export const GOOGLE_ORIGIN = 'https://www.googleapis.com';

/** Firefox's id for Rounds: stable so storage and signing survive updates. */
export const GECKO_ID = 'rounds@rounds-network.org';

/**
 * Firefox 140 is the first desktop release that understands `data_collection_permissions` (older ones
 * reject the key; AMO requires it for new add-ons since November 2025), and it is the current ESR.
 */
export const GECKO_MIN_VERSION = '140.0';

export const GECKO_ANDROID_MIN_VERSION = '142.0';

export interface ManifestOptions {
  version: string;
  /** The Google origin the build talks to: Google itself, or the local sandbox in a development build. */
  googleOrigin: string;
}

export async function readManifest(path: string): Promise<Manifest> {
  return JSON.parse(await readFile(path, 'utf8')) as Manifest;
}

/**
 * A host permission for an origin. Match patterns cannot name a port in Firefox, and a pattern without
 * one matches every port in both browsers, so the port is dropped.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export function chromeManifest(source: Manifest, options: ManifestOptions): Manifest {
  const manifest: Manifest = structuredClone(source);
  manifest.version = options.version;
  if (options.googleOrigin !== GOOGLE_ORIGIN) {
    // A development build may also reach the sandbox; production stays Google-only.
    manifest.host_permissions = [...(manifest.host_permissions ?? []), originPattern(options.googleOrigin)];
    // ...and runs its content scripts on the sandbox's stand-ins for Gmail and Docs (the demo's pages).
    const site = originPattern(options.googleOrigin).slice(0, -2);
    for (const script of manifest.content_scripts ?? []) {
      const standIn = script.matches.some((m) => m.startsWith('https://mail.google.com/')) ? 'mail' : 'docs';
      script.matches = [...script.matches, `${site}/__fixtures/${standIn}/*`];
    }
  }
  return manifest;
}

/** Firefox has no side panel: the same page becomes a sidebar, and the worker becomes an event page. */
export function firefoxManifest(chrome: Manifest): Manifest {
  const manifest: Manifest = structuredClone(chrome);
  const sidePanel = manifest.side_panel as { default_path: string } | undefined;
  const background = manifest.background as { service_worker: string } | undefined;
  if (!sidePanel || !background)
    throw new Error('manifest.json needs side_panel and background.service_worker');
  delete manifest.side_panel;
  delete manifest.minimum_chrome_version;
  manifest.background = { scripts: [background.service_worker] };
  manifest.permissions = (manifest.permissions ?? []).filter((p) => p !== 'sidePanel');
  manifest.sidebar_action = {
    default_panel: sidePanel.default_path,
    default_title: manifest.name,
    default_icon: manifest.icons,
    // The sidebar opens from the toolbar button or the content script's button, not on install.
    open_at_install: false,
  };
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // Nothing leaves the user's browser and Google account: no data is collected or transmitted to us.
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android learned the key in 142; saying so keeps the linter and AMO from flagging it.
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
  };
  return manifest;
}

/** The `__MSG_name__` keys a manifest uses, so the build can check each one exists in _locales. */
export function messageKeys(manifest: Manifest): string[] {
  return [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
}
