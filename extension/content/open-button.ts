// Rounds' button on Gmail and Docs pages. A click is the user gesture the browser requires before the
// extension may open its panel; the worker does the opening. Lives in a shadow root so the page's styles
// and Rounds' cannot leak into each other.
import { sendToWorker } from '../platform/messaging';
import { pageText } from '../platform/page-text';

export const OPEN_BUTTON_HOST_ID = 'rounds-open-button';

const STYLE = `
  button { position: fixed; right: 16px; bottom: 72px; z-index: 2147483000; font: 600 13px/1 system-ui, sans-serif;
    color: #fff; background: #125e6b; border: 0; border-radius: 16px; padding: 8px 14px; cursor: pointer;
    box-shadow: 0 1px 4px rgba(0,0,0,.3); }
  button:focus-visible { outline: 3px solid #f5b700; outline-offset: 2px; }
  p { position: fixed; right: 16px; bottom: 112px; z-index: 2147483000; max-width: 280px; margin: 0;
    font: 13px/1.4 system-ui, sans-serif; background: #fff; color: #222; border: 1px solid #ccc;
    border-radius: 6px; padding: 8px; }
  p:empty { display: none; }
`;

export function addOpenButton(doc: Document, signal: AbortSignal): HTMLElement {
  doc.getElementById(OPEN_BUTTON_HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = OPEN_BUTTON_HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = pageText('extName', 'Rounds');
  button.title = pageText('openButtonTitle', 'Open Rounds beside this page');
  const notice = doc.createElement('p');
  notice.setAttribute('role', 'status');
  root.append(style, button, notice);

  button.addEventListener(
    'click',
    async () => {
      notice.textContent = '';
      const reply = await sendToWorker({ type: 'open-panel' });
      if (!reply.ok) notice.textContent = reply.problem;
    },
    { signal },
  );
  signal.addEventListener('abort', () => host.remove(), { once: true });
  (doc.body ?? doc.documentElement).append(host);
  return host;
}
