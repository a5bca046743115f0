// Text that comes from mail or from a file name (a sender, a subject, an attachment) shown so it cannot
// re-order what surrounds it: isolated for direction, and when it hides direction-changing characters
// (`report\u202Efdp.exe` shows as "reportexe.pdf") they are made visible and a warning says so.
import { t } from '../platform/i18n';

/** Unicode's explicit direction controls (LRE…RLO, LRI…PDI) and the invisible marks ALM, LRM, RLM. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source).test(text);
}

/** The text with each direction control written out as ⟨U+202E⟩, so the real order shows. */
export function revealBidiControls(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (c) => `\u27e8U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u27e9`,
  );
}

export function Untrusted({ text, fallback = '' }: { text: string; fallback?: string }) {
  if (!text) return <bdi>{fallback}</bdi>;
  if (!hasBidiControls(text)) return <bdi>{text}</bdi>;
  return (
    <>
      <bdi class="revealed">{revealBidiControls(text)}</bdi>{' '}
      <span class="bidi-warning" role="note">
        {t('bidiWarning')}
      </span>
    </>
  );
}
