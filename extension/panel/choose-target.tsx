// Where to file: cycle, step and school, with Rounds' suggestion first and the reason for it, the last
// choice remembered, and an optional note. Labelled controls, usable by keyboard.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { NetworkTables } from '../../shared/network/network-tables';
import { STEP_NUMBERS, type StepNumber } from '../../shared/domain';
import type { FilingChoice } from '../../shared/browser/panel-commands';
import { stepLabelsOf } from '../../shared/network/folder-layout';
import { currentCycle, suggestFiling, type FilingCandidate } from '../../shared/network/suggest';
import { t } from '../platform/i18n';
import { lastChoice, tables } from './stores';
import { Untrusted } from './untrusted';
import { ask } from './view';

interface Props {
  candidate: FilingCandidate;
  action: string;
  busy: boolean;
  onFile: (choice: FilingChoice) => void;
}

/** Reads the network's tables first (a new browser session has none yet), then offers the choice. */
export function ChooseTarget(props: Props) {
  const network = tables.value;
  useEffect(() => {
    if (!network) void ask({ kind: 'refresh-network' });
  }, [network === undefined]);
  if (!network) return <p class="status">{t('loadingNetwork')}</p>;
  if (network.cycles.length === 0) return <p class="status">{t('noCycles')}</p>;
  return <TargetForm {...props} network={network} />;
}

function TargetForm({ candidate, action, busy, onFile, network }: Props & { network: NetworkTables }) {
  const labels = stepLabelsOf();
  const suggestions = useMemo(
    () =>
      suggestFiling(candidate, {
        cycles: network.cycles,
        schools: network.schools,
        filings: network.filings,
        stepLabels: labels,
        lastChoice: lastChoice.value,
      }),
    [network, candidate, lastChoice.value],
  );
  const first = suggestions[0];
  const fallbackCycle = currentCycle(network.cycles);
  const [cycleId, setCycle] = useState(first?.cycleId ?? fallbackCycle?.id ?? '');
  const [step, setStep] = useState<StepNumber>(first?.step ?? fallbackCycle?.currentStep ?? 1);
  const [schoolId, setSchool] = useState(first?.schoolId ?? '');
  const [note, setNote] = useState('');
  const chosen = cycleId || network.cycles[0]!.id;
  const submit = (event: Event) => {
    event.preventDefault();
    onFile({ cycleId: chosen, step, schoolId: schoolId || undefined, note: note.trim() || undefined });
  };
  return (
    <form class="choose" onSubmit={submit}>
      {first && (
        <p class="suggestion">
          <strong>{t('suggested')}</strong> <Untrusted text={first.reason} />
        </p>
      )}
      <label for="cycle">{t('cycleLabel')}</label>
      <select id="cycle" value={chosen} onChange={(e) => setCycle(e.currentTarget.value)}>
        {network.cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label for="step">{t('stepLabel')}</label>
      <select id="step" value={step} onChange={(e) => setStep(Number(e.currentTarget.value) as StepNumber)}>
        {STEP_NUMBERS.map((n) => (
          <option key={n} value={n}>
            {n} · {labels[n]}
          </option>
        ))}
      </select>
      <label for="school">{t('schoolLabel')}</label>
      <select id="school" value={schoolId} onChange={(e) => setSchool(e.currentTarget.value)}>
        <option value="">{t('noSchool')}</option>
        {network.schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label for="note">{t('noteLabel')}</label>
      <textarea
        id="note"
        rows={2}
        maxLength={2000}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={busy}>
        {action}
      </button>
    </form>
  );
}
