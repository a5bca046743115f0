// In a development build the local sandbox serves stand-ins for Gmail and Docs at
// `<sandbox>/__fixtures/mail/…` and `<sandbox>/__fixtures/docs/…`. This maps such an address to the
// Google address it stands in for, so the rest of Rounds never knows the difference. In a production
// build it maps nothing: only the real Gmail and Docs count.
import { googleOrigin, isSandboxBuild } from './google-origin';

const STAND_INS: Array<[string, string]> = [
  ['/__fixtures/mail/', 'https://mail.google.com/'],
  ['/__fixtures/docs/', 'https://docs.google.com/'],
];

export function asGoogleAddress(
  url: string,
  sandbox: string | null = isSandboxBuild ? googleOrigin : null,
): string {
  if (!sandbox) return url;
  for (const [prefix, google] of STAND_INS) {
    if (url.startsWith(sandbox + prefix)) return google + url.slice(sandbox.length + prefix.length);
  }
  return url;
}
