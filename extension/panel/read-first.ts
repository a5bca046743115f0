// sidepanel-first.js, the panel's first script: starts the panel's first read (first-read.ts) while the
// browser is still loading the main script, and leaves it on the page for main.tsx.
import { leaveFirstRead, startFirstRead } from './first-read';

leaveFirstRead(startFirstRead(location.search));
