// A button that copies a value (an id, an address) and says whether it worked.
import { useState } from 'preact/hooks';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied');
    } catch {
      setStatus('Could not copy: select the text instead');
    }
  };
  return (
    <>
      <button type="button" onClick={copy} aria-label={`Copy ${label}`}>
        Copy
      </button>
      <span class="status" role="status">
        {status}
      </span>
    </>
  );
}
