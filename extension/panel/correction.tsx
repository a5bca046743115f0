// One-click correction of a mandate's tier: the user says what it really is, chooses what the rule goes by
// (the sender, the department, or a phrase), sees which other emails Rounds has seen it would change, and
// saves it to the network's Rules tab for everyone or keeps it in this browser.
import { useEffect, useState } from 'preact/hooks';
import type { RuleDraft } from '../../shared/browser/mandate-commands';
import {
  checkReply,
  RulePreviewSchema,
  type RulePreview,
  type ShownMandate,
} from '../../shared/browser/mandate-panel';
import { TIERS, type Tier } from '../../shared/mandates/types';
import { t } from '../platform/i18n';
import { tierLabel } from './triage-view';
import { Untrusted } from './untrusted';
import { ask } from './view';

type By = 'sender' | 'department' | 'phrase';
type Mandate = Extract<ShownMandate, { state: 'mandate' }>;

export function Correction({ mandate, onSaved }: { mandate: Mandate; onSaved: () => void }) {
  const [tier, setTier] = useState<Tier | undefined>(undefined);
  const [by, setBy] = useState<By>('sender');
  const [phrase, setPhrase] = useState('');
  const [preview, setPreview] = useState<RulePreview | string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const choices: Record<By, string> = {
    sender: mandate.sender.address,
    department: mandate.sender.name,
    phrase: phrase.trim(),
  };
  const draft: RuleDraft | undefined =
    tier && choices[by] ? { match: { [by]: choices[by] }, tier } : undefined;
  const key = draft ? JSON.stringify(draft) : '';
  useEffect(() => {
    setPreview(undefined);
    if (!draft) return;
    let live = true;
    void ask({ kind: 'preview-rule', rule: draft }).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setPreview(reply.problem);
      const checked = checkReply(RulePreviewSchema, reply.data);
      setPreview(checked.ok ? checked.value : checked.problem);
    });
    return () => {
      live = false;
    };
  }, [key]);
  const save = async (where: 'network' | 'local') => {
    if (!draft) return;
    setStatus(t('ruleSaving'));
    const reply = await ask({ kind: 'save-rule', rule: draft, where });
    if (!reply.ok) return setStatus(reply.problem);
    const saved = (reply.data as { saved?: string } | undefined)?.saved;
    setStatus(
      saved === 'local'
        ? t('ruleSavedLocal')
        : saved === 'already'
          ? t('ruleAlready')
          : t('ruleSavedNetwork'),
    );
    onSaved();
  };
  return (
    <section aria-labelledby="correct-heading">
      <h3 id="correct-heading">{t('correctHeading')}</h3>
      <div class="toolbar" role="group" aria-label={t('correctTierGroup')}>
        {TIERS.map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={tier === choice}
            disabled={choice === mandate.triage.tier && tier === undefined}
            onClick={() => setTier(choice)}
          >
            {tierLabel(choice)}
          </button>
        ))}
      </div>
      {tier && (
        <>
          <fieldset>
            <legend>{t('ruleByLegend')}</legend>
            <label>
              <input type="radio" name="rule-by" checked={by === 'sender'} onChange={() => setBy('sender')} />{' '}
              {t('ruleBySender')} <Untrusted text={choices.sender} />
            </label>
            {choices.department && (
              <label>
                <input
                  type="radio"
                  name="rule-by"
                  checked={by === 'department'}
                  onChange={() => setBy('department')}
                />{' '}
                {t('ruleByDepartment')} <Untrusted text={choices.department} />
              </label>
            )}
            <label>
              <input type="radio" name="rule-by" checked={by === 'phrase'} onChange={() => setBy('phrase')} />{' '}
              {t('ruleByPhrase')}
            </label>
            {by === 'phrase' && (
              <label>
                {t('rulePhraseLabel')}
                <input
                  type="text"
                  value={phrase}
                  maxLength={300}
                  onInput={(e) => setPhrase(e.currentTarget.value)}
                />
              </label>
            )}
          </fieldset>
          {typeof preview === 'string' ? (
            <p class="problem" role="alert">
              {preview}
            </p>
          ) : preview ? (
            <div role="status">
              <p>{t('rulePreview', preview.changes.length, preview.looked)}</p>
              {preview.changes.length > 0 && (
                <ul>
                  {preview.changes.map((c, i) => (
                    <li key={`${i}:${c.title}`}>
                      <Untrusted text={c.title} />: {tierLabel(c.before)} → {tierLabel(c.after)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
          <div class="toolbar">
            <button type="button" disabled={!draft} onClick={() => void save('network')}>
              {t('ruleSaveNetwork')}
            </button>
            <button type="button" disabled={!draft} onClick={() => void save('local')}>
              {t('ruleSaveLocal')}
            </button>
          </div>
        </>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
