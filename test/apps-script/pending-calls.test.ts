// Which failures keep a tag waiting in the sidebar (Google could not be reached) and which are the server's
// own answer, shown at once and not retried.
import { describe, expect, it } from 'vitest';
import { isConnectionFailure } from '../../apps-script/sidebar/observation/pending-calls';

describe('a tag that could not be applied', () => {
  it('waits when Google could not be reached', () => {
    for (const message of [
      'NetworkError: Connection failure due to HTTP 0',
      'We’re sorry, a server error occurred while reading from storage. Timed out.',
      'The add-on did not answer. Check your connection and try again.',
    ])
      expect(isConnectionFailure(message), message).toBe(true);
    expect(isConnectionFailure('Anything at all', false)).toBe(true);
  });

  it('is not retried when the server said no', () => {
    for (const message of [
      'Select the words of an evidence line in the Doc first, then choose its look-for.',
      "#rigor is not one of this form's look-fors (#cite, #talk).",
    ])
      expect(isConnectionFailure(message), message).toBe(false);
  });
});
