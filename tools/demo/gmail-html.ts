// Renders the demo mailbox as one Gmail-like page: the inbox list (rows with Gmail's checkboxes) and
// every conversation, hidden until its address is opened, as Gmail itself keeps conversations in the
// page. Only the class names and attributes Rounds' Gmail adapter reads are Gmail's (architecture.md);
// everything else is plain markup. All mail text is escaped: the page shows it, never runs it.
import { DEMO_USER } from './network';
import type { DemoThread } from './mailbox';
import { gmailDateTitle, gmailShortDate, type DemoPerson } from './raw-mail';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const person = (p: DemoPerson, cls: string) =>
  `<span class="${cls}" email="${escapeHtml(p.email)}" name="${escapeHtml(p.name)}">${escapeHtml(p.name)}</span>`;

function listRow(thread: DemoThread): string {
  const last = thread.messages[thread.messages.length - 1]!;
  const first = thread.messages[0]!;
  const senders = [...new Map(thread.messages.map((m) => [m.email.from.email, m.email.from])).values()];
  const snippet = last.email.body.join(' ').slice(0, 90);
  const count = thread.messages.length > 1 ? ` <span class="count">${thread.messages.length}</span>` : '';
  const clip = thread.messages.some((m) => m.email.attachments?.length)
    ? ' <span class="clip">attachment</span>'
    : '';
  return `<tr class="zA yO" data-token="${thread.token}">
  <td class="oZ-x3"><div class="oZ-jc" role="checkbox" aria-checked="false" aria-label="Select" tabindex="0"></div></td>
  <td class="yX">${senders.map((s) => person(s, 'yP')).join(', ')}${count}</td>
  <td class="xY"><span class="bog"><span data-thread-id="#thread-f:${first.ids.decimal}" data-legacy-thread-id="${thread.ids.hex}">${escapeHtml(thread.subject)}</span></span><span class="y2"> - ${escapeHtml(snippet)}</span>${clip}</td>
  <td class="xW"><span title="${gmailDateTitle(last.email.date)}">${gmailShortDate(last.email.date)}</span></td>
</tr>`;
}

function message(m: DemoThread['messages'][number]): string {
  const e = m.email;
  const attachments = (e.attachments ?? [])
    .map((a) => `<span class="aZo"><span class="aV3">${escapeHtml(a.name)}</span></span>`)
    .join('');
  return `<div class="adn ads" data-message-id="#msg-f:${m.ids.decimal}" data-legacy-message-id="${m.ids.hex}">
  <div class="gE">${person(e.from, 'gD')} <span class="go">&lt;${escapeHtml(e.from.email)}&gt;</span>
    <span class="g3" title="${gmailDateTitle(e.date)}">${gmailShortDate(e.date)}</span>
    <div class="hb">to ${e.to.map((p) => person(p, 'g2')).join(', ')}</div>
  </div>
  <div class="a3s aiL">${e.body.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>
  ${attachments ? `<div class="aQH">${attachments}</div>` : ''}
</div>`;
}

function conversation(thread: DemoThread): string {
  return `<div class="nH conversation" data-token="${thread.token}" hidden>
  <p><a href="#inbox" class="back">← Back to Inbox</a></p>
  <h2 class="hP" data-thread-perm-id="thread-f:${thread.ids.decimal}" data-legacy-thread-id="${thread.ids.hex}">${escapeHtml(thread.subject)}</h2>
  ${thread.messages.map(message).join('\n  ')}
</div>`;
}

// Shows the conversation named by the address (#inbox/<token>) and hides the rest, or the list when
// none is named; a row click opens its conversation, a checkbox click selects the row (Gmail's x7 class).
const SCRIPT = `
const show = () => {
  const token = location.hash.split('/')[1] || '';
  let open = false;
  for (const c of document.querySelectorAll('.conversation')) {
    const shown = c.dataset.token === token;
    c.hidden = !shown;
    open = open || shown;
  }
  document.getElementById('list').hidden = open;
  document.title = (open ? document.querySelector('.conversation:not([hidden]) h2.hP').textContent + ' - ' : 'Inbox - ') + ${JSON.stringify(DEMO_USER.email)} + ' - Demo Mail';
};
addEventListener('hashchange', show);
document.getElementById('list').addEventListener('click', (event) => {
  const box = event.target.closest('[role=checkbox]');
  const row = event.target.closest('tr.zA');
  if (!row) return;
  if (box) {
    const on = box.getAttribute('aria-checked') !== 'true';
    box.setAttribute('aria-checked', String(on));
    row.classList.toggle('x7', on);
  } else location.hash = 'inbox/' + row.dataset.token;
});
document.getElementById('list').addEventListener('keydown', (event) => {
  if ((event.key === ' ' || event.key === 'Enter') && event.target.matches('[role=checkbox]')) {
    event.preventDefault();
    event.target.click();
  }
});
show();
`;

const STYLE = `
body { font: 14px/1.5 system-ui, sans-serif; margin: 0; color: #202124; }
.bar { background: #f1f3f4; padding: 10px 16px; font-weight: 600; }
main { padding: 0 16px; }
table { width: 100%; border-collapse: collapse; }
tr.zA td { padding: 8px 6px; border-bottom: 1px solid #eee; cursor: pointer; vertical-align: top; }
tr.zA.x7 { background: #c2dbff; }
.oZ-jc { width: 14px; height: 14px; border: 2px solid #5f6368; border-radius: 2px; }
.oZ-jc[aria-checked=true] { background: #1a73e8; border-color: #1a73e8; }
.yX { width: 220px; font-weight: 600; } .y2, .xW, .go, .g3, .hb { color: #5f6368; } .xW { width: 70px; text-align: right; }
.count { font-weight: 400; color: #5f6368; }
.clip { font-size: 12px; border: 1px solid #dadce0; border-radius: 10px; padding: 0 6px; margin-left: 6px; color: #5f6368; }
h2.hP { font-size: 22px; font-weight: 400; }
.adn { border-top: 1px solid #eee; padding: 12px 0; } .gD { font-weight: 600; } .g3 { margin-left: 8px; }
.aZo { display: inline-block; border: 1px solid #dadce0; border-radius: 4px; padding: 6px 10px; margin: 8px 8px 0 0; }
`;

export function renderMailboxPage(threads: readonly DemoThread[]): string {
  return `<!doctype html>
<!-- The demo's stand-in for Gmail, generated by tools/demo (invented mail written for this project).
     The markup mimics only the Gmail classes Rounds reads; see docs/extension.md. -->
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Inbox - ${escapeHtml(DEMO_USER.email)} - Demo Mail</title>
<style>${STYLE}</style>
</head>
<body>
<div class="bar">Demo Mail: a local stand-in for Gmail, with invented mail (${escapeHtml(DEMO_USER.name)}'s inbox)</div>
<main role="main">
<div id="list">
<table class="F cf zt" aria-label="Inbox"><tbody>
${threads.map(listRow).join('\n')}
</tbody></table>
</div>
${threads.map(conversation).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A Google-Docs-like page for one demo Doc; the Docs adapter reads its id from the address, its name from the title. */
export function renderDocPage(name: string, paragraphs: readonly string[]): string {
  return `<!doctype html>
<!-- A stand-in for one Google Doc of the demo network (invented text), generated by tools/demo. -->
<html lang="en">
<head><meta charset="utf-8" /><title>${escapeHtml(name)} - Google Docs</title>
<style>body { font: 15px/1.6 Georgia, serif; background: #f8f9fa; margin: 0 } .page { background: #fff; max-width: 680px; margin: 24px auto; padding: 48px 64px; box-shadow: 0 1px 3px #0002 }</style>
</head>
<body><div class="page" role="document"><h1>${escapeHtml(name)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div></body>
</html>
`;
}
