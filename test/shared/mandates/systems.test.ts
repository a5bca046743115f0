// Forms and district systems are found by how any district writes them, and organisations, places and
// shouted words in capitals are not mistaken for systems.
import { describe, expect, it } from 'vitest';
import { contactsFrom, systemsFrom } from '../../../shared/mandates/extract';
import { triage } from '../../../shared/mandates/triage';

describe('forms', () => {
  it('finds a form by the word form and its code', () => {
    expect(systemsFrom('Please complete Form TR-7 and return it by Friday.')).toContain('Form TR-7');
    expect(systemsFrom('Requests go on form QZ 118 this year.')).toContain('form QZ 118');
  });

  it('leaves the full stop of the sentence off a form code', () => {
    expect(systemsFrom('Overtime is approved on form KL-12.')).toEqual(['form KL-12']);
  });

  it('finds a code next to the word form, a filling-in verb, or a document name', () => {
    expect(systemsFrom('Return the HX 12 form to the front office.')).toContain('HX 12');
    expect(systemsFrom('Principals must submit the QR-44 by June 3.')).toContain('QR-44');
    expect(systemsFrom('The Annual Facilities Report (AFR-9) is due on May 1.')).toContain('AFR-9');
  });

  it('finds a named form', () => {
    expect(systemsFrom('Attach the Field Trip Consent form to each request.')).toContain(
      'Field Trip Consent form',
    );
  });

  it('does not take a date after the word form for a form code', () => {
    expect(systemsFrom('Issue of the application form 04.05.2026 (Monday) at all sites.')).toEqual([]);
  });

  it('does not report a code that nothing marks as a form', () => {
    expect(systemsFrom('The KX9 budget line was closed last year.')).toEqual([]);
  });
});

describe('systems and organisations', () => {
  it('reports an acronym used as a place to go', () => {
    expect(systemsFrom('Enter the counts into GRADEBRIDGE by Friday.')).toEqual(['GRADEBRIDGE']);
  });

  it('does not report a district named with its acronym in brackets', () => {
    const text =
      'Riverbend Unified (RUSD) reminds principals to send the attendance summary to RUSD by Friday and to upload the roster to ROSTERLINK.';
    expect(systemsFrom(text)).toEqual(['ROSTERLINK']);
  });

  it('does not report the sender as a system', () => {
    const text = 'Send the completed return to LLT by 3 March, then log into GRADEBRIDGE.';
    expect(systemsFrom(text)).toContain('LLT');
    expect(systemsFrom(text, 'Lakeshore Learning Trust <news@llt.example.org>')).toEqual(['GRADEBRIDGE']);
  });

  it('does not report state codes, agencies or plain words in capitals', () => {
    const text =
      'Principals in NY and in CA must report to the state DOE, to the DfE, to the RVUSD and to ALL. Then log into TESTGATE.';
    expect(systemsFrom(text)).toEqual(['TESTGATE']);
  });

  it('does not take part of an email address for a system', () => {
    expect(systemsFrom('Send questions to OPS.Help@district.example or into HELPDESKX.')).toEqual([
      'HELPDESKX',
    ]);
  });

  it('does not take a role written as an acronym for a system', () => {
    expect(systemsFrom('This notice goes to HTs.')).toEqual([]);
  });
});

describe('contacts', () => {
  it('reads email addresses where they start and end', () => {
    const found = contactsFrom('Write to ops-team@rusd.example, or to a.b@c.example.org. Not @this or x@y.')
      .filter((c) => c.kind === 'email')
      .map((c) => c.value);
    expect(found).toEqual(['ops-team@rusd.example', 'a.b@c.example.org']);
  });
});

describe('compliance by law', () => {
  it('treats an ask required by a code or law as a standing requirement', () => {
    const t = triage({
      id: 'law',
      text: 'To: Principals\nEach school must keep a visitor log, as required by the state education code.',
    });
    const compliance = t.reasons.find((r) => r.rule === 'builtin:compliance');
    expect(compliance?.matched).toContain('required by the state education code');
    expect(t.tier).toBe('must_do');
  });
});
