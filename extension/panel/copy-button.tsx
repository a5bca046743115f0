// A button that copies a value (an id, an address) and says whether it worked.
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t('copied'));
    } catch {
      setStatus(t('copyFailed'));
    }
  };
  return (
    <>
      <button type="button" onClick={copy} aria-label={t('copyWhat', label)}>
        {t('copy')}
      </button>
      <span class="status" role="status">
        {status}
      </span>
    </>
  );
}
