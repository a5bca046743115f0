// The panel's words, all in _locales/en/messages.json. They are read from the bundled file rather than
// through i18n.getMessage: positional "$1" substitutions then behave the same in Chrome, Firefox and the
// unit tests, and with one locale the browser's choice would pick the same file anyway. A second locale
// means switching this to i18n.getMessage with named placeholders.
import messages from '../_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** The message for `key` with $1…$9 replaced by `subs`. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const entry = messages[key] as { message: string } | undefined;
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (whole, n: string) => {
    const value = subs[Number(n) - 1];
    return value === undefined ? whole : String(value);
  });
}
