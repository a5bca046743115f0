// How much of a message the triage reads, in one place: every reader of the text (tidying, words, sentences,
// address lines, the opening, user rules) and every caller that caps input (the CLI, the panel) takes its
// limit from here, so "how much is read" has one answer.

export const TEXT_LIMITS = {
  /** The engine reads a message's first this-many characters; mail longer than that is cut, and says so. */
  readChars: 60_000,
  /** A sentence longer than this (a run-on PDF extraction) is read for its opening only. */
  sentenceChars: 1_200,
  /** The opening of a message: where its sender, its audience and its school levels are stated. */
  openingChars: 1_500,
  /** Where address lines ("TO:", "Memorandum to:", a routing list) and the sending date are looked for. */
  headerChars: 3_000,
  /** How many sentences of that header are read for address lines (letterheads run long in PDFs). */
  headerSentences: 60,
  /** An address line longer than this is a paragraph, not an address line. */
  addressLineChars: 600,
  /**
   * A raw email is cut to this many bytes before it is parsed: the text the engine reads comes first in any
   * real message, and parsing 45 MB of attachments to find it took over a gigabyte of memory.
   */
  rawMailBytes: 4 * 1024 * 1024,
} as const;
