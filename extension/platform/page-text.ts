// The few words Rounds writes into Gmail's and Docs' pages (its button), from _locales through the
// browser's i18n API, so the content scripts stay small (no bundled message file).
import { browserApi } from './browser';

export function pageText(key: 'extName' | 'openButtonTitle', fallback: string): string {
  try {
    return browserApi().i18n.getMessage(key) || fallback;
  } catch {
    return fallback;
  }
}
