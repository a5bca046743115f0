// sidepanel-first.js, the panel's first script: starts the panel's first read (first-read.ts) while the
// browser is still loading the main script, leaves it on the page for main.tsx, and draws the open email's
// subject (or the Doc's name) as soon as storage answers (first-paint.ts).
import { pageText } from '../platform/page-text';
import { paintHeading } from './first-paint';
import { leaveFirstRead, startFirstRead } from './first-read';

const read = startFirstRead(location.search);
leaveFirstRead(read);
void paintHeading(read, pageText('extName', 'Rounds')).catch(() => false);
