// The Docs side of rounds: insert the observation form into the open Doc, read it back for the sidebar,
// and tag the selected text with a look-for. Every Doc call goes through services/documents.ts.
import { readForm, untaggedLines } from '../../shared/observation/document';
import { checkHeader, planObservationForm } from '../../shared/observation/form';
import { MAX_FOCUSED_LOOK_FORS, normalizeCode, parseLookForLines } from '../../shared/observation/look-fors';
import { namedRangeName } from '../../shared/observation/tags';
import type { ObservationDoc } from '../services/documents';
import type { InsertFormRequest, ObservationFormState, TagResult } from './contract';

export function observationFormState(doc: ObservationDoc): ObservationFormState {
  const form = readForm(doc.readBlocks(), doc.readTags());
  const problems = form.lines.flatMap((l) =>
    l.unknownTags.map(
      (code) => `Line ${l.index + 1}: #${code} is not a look-for of this form, so it tags nothing.`,
    ),
  );
  return {
    documentName: doc.name(),
    hasForm: form.hasForm,
    header: form.header,
    lookFors: form.lookFors,
    lines: form.lines.map((l) => ({
      index: l.index,
      text: l.text,
      classroom: l.classroom,
      codes: l.codes,
      source: l.source,
      reflection: l.reflection,
    })),
    problems,
  };
}

/** Checks everything first and draws nothing unless all of it is usable: a bad field is named, nothing half-drawn. */
export function insertObservationForm(doc: ObservationDoc, request: InsertFormRequest): ObservationFormState {
  const { header, problems } = checkHeader(request.header);
  const parsed = parseLookForLines(request.lookFors ?? '');
  problems.push(...parsed.problems);
  if (!parsed.lookFors.length && !parsed.problems.length)
    problems.push('Look-fors: paste the host’s look-fors, one a line as “code: prompt”.');
  if (parsed.lookFors.length > MAX_FOCUSED_LOOK_FORS * 2)
    problems.push(
      `Look-fors: ${parsed.lookFors.length} is far more than a visit can focus on; ask the host to choose ${MAX_FOCUSED_LOOK_FORS} or fewer.`,
    );
  if (!header || problems.length) throw new Error(`Nothing was added to the Doc. ${problems.join(' ')}`);
  doc.drawForm(planObservationForm(header, parsed.lookFors, !!request.ratingScale));
  return observationFormState(doc);
}

export function tagSelection(doc: ObservationDoc, rawCode: string, newId: () => string): TagResult {
  const code = normalizeCode(String(rawCode ?? ''));
  const before = readForm(doc.readBlocks(), doc.readTags());
  if (!before.lookFors.some((l) => l.code === code))
    throw new Error(
      before.lookFors.length
        ? `#${code} is not one of this form's look-fors (${before.lookFors.map((l) => `#${l.code}`).join(', ')}).`
        : 'This Doc has no observation form yet: insert one first, then tag lines with its look-fors.',
    );
  const text = doc.tagSelection(namedRangeName(code, newId()));
  if (text === null)
    throw new Error('Select the words of an evidence line in the Doc first, then choose its look-for.');
  return { code, text, form: observationFormState(doc) };
}

/** Lines to tag, for the menu's alert. */
export function untaggedSummary(doc: ObservationDoc): string {
  const lines = untaggedLines(readForm(doc.readBlocks(), doc.readTags()));
  return lines.length
    ? `${lines.length} evidence line${lines.length === 1 ? '' : 's'} not tagged with a look-for yet:\n${lines
        .slice(0, 20)
        .map((l) => `• ${l.text.slice(0, 80)}`)
        .join('\n')}`
    : 'Every evidence line is tagged with a look-for.';
}
