// "Filed to Cycle 2 · Step 4 · Maple Grove by Dana, Dec 3": where an email or Doc went and who filed it,
// from the Filings tab every member reads.
import { t } from '../platform/i18n';
import { tables } from './stores';
import { Untrusted } from './untrusted';

export function shortDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** "Dana" from "dana.harper@…" when the Schools tab does not name the person. */
export function personName(filedBy: string): string {
  const principal = tables.value?.schools.find(
    (s) => s.principalEmail && s.principalEmail.toLowerCase() === filedBy.toLowerCase(),
  )?.principal;
  if (principal) return principal.split(/\s+/)[0]!;
  const local = filedBy.split('@')[0] ?? filedBy;
  const first = local.split(/[._-]/)[0] ?? local;
  return first ? first[0]!.toUpperCase() + first.slice(1) : filedBy;
}

export function FiledLine(props: {
  cycleId: string;
  step?: number;
  school?: string;
  filedBy: string;
  filedAt: string;
  byYou: boolean;
}) {
  const cycle = tables.value?.cycles.find((c) => c.id === props.cycleId)?.name ?? props.cycleId;
  const parts = [cycle, props.step ? t('stepShort', props.step) : '', props.school ?? ''].filter(Boolean);
  return (
    <p class="filed" role="status">
      {t('filedTo')} <Untrusted text={parts.join(' · ')} />{' '}
      {props.byYou ? (
        t('byYou')
      ) : (
        <>
          {t('by')} <Untrusted text={personName(props.filedBy)} />
        </>
      )}
      , {shortDate(props.filedAt)}
    </p>
  );
}
