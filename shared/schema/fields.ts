// Small valibot building blocks the record schemas share; kept apart so a content script importing one
// does not bundle every domain schema.
import * as v from 'valibot';

/** A string of at most `max` characters, saying so when longer. */
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `at most ${max} characters`));
