import { describe, expect, it } from 'vitest';
import { DEMO_LAW_FIRM, DEMO_MEDICAL_PRACTICE, DEMO_PLUMBING_BUSINESS } from '../demo/demoClients';
import { draftNoteByRules, type DraftLine } from './noteDraftRules';

const caller = (text: string): DraftLine => ({ speaker: 'caller', text });
const agent = (text: string): DraftLine => ({ speaker: 'agent', text });

describe('draftNoteByRules on German sample transcripts', () => {
  it('drafts a plumbing emergency', () => {
    const draft = draftNoteByRules(
      [
        agent('Wolters Haustechnik, guten Tag, Sie sprechen mit Anna Berg.'),
        caller(
          'Ja, guten Tag, hier ist Petra Schneider. Bei uns ist im Keller ein Rohrbruch, das Wasser läuft überall hin.',
        ),
        agent('Haben Sie den Hauptwasserhahn schon zugedreht?'),
        caller('Ja, habe ich. Können Sie bitte sofort jemanden schicken?'),
        agent('Unter welcher Nummer erreicht Sie der Monteur?'),
        caller('Meine Handynummer ist 0171 234 56 78.'),
      ],
      DEMO_PLUMBING_BUSINESS,
    );
    expect(draft).toMatchObject({
      callerName: 'Petra Schneider',
      callbackNumber: '+491712345678',
      urgency: 'high',
      keywordsHeard: ['Rohrbruch'],
    });
    expect(draft.concern).toContain('Rohrbruch');
    expect(draft.preferredCallbackTime).toBeUndefined();
  });

  it('drafts a law-firm callback request with a preferred time and a name given on request', () => {
    const draft = draftNoteByRules(
      [
        agent('Kanzlei Brandt und Okafor, guten Tag.'),
        caller(
          'Guten Tag. Ich habe gestern eine Kündigung von meinem Arbeitgeber bekommen und brauche Hilfe.',
        ),
        agent('Das nehme ich auf. Wie ist Ihr Name, bitte?'),
        caller('Kemal Yıldız.'),
        agent('Und wann erreicht Sie Frau Dr. Brandt am besten?'),
        caller('Morgen ab 14 Uhr, unter null drei null, zwei drei eins zwei fünf, neun neun neun.'),
      ],
      DEMO_LAW_FIRM,
    );
    expect(draft).toMatchObject({
      callerName: 'Kemal Yıldız',
      callbackNumber: '+493023125999',
      urgency: 'high',
      preferredCallbackTime: 'Morgen ab 14 Uhr',
      keywordsHeard: ['Kündigung'],
    });
    expect(draft.concern).toMatch(/^Ich habe gestern eine Kündigung/);
  });

  it('drafts an unhurried practice call with a written number and a callback window', () => {
    const draft = draftNoteByRules(
      [
        caller(
          'Hallo, mein Name ist Frau Jansen. Ich wollte fragen, ob ich ein Folgerezept für meine Schilddrüsentabletten bekommen kann.',
        ),
        caller(
          'Das ist nicht eilig. Sie können mich am besten nachmittags zwischen 15 und 17 Uhr zurückrufen, unter +49 (0)89 99998 777.',
        ),
      ],
      DEMO_MEDICAL_PRACTICE,
    );
    expect(draft).toMatchObject({
      callerName: 'Frau Jansen',
      callbackNumber: '+498999998777',
      urgency: 'low',
      preferredCallbackTime: 'nachmittags zwischen 15 und 17 Uhr',
      keywordsHeard: [],
    });
    expect(draft.concern).toContain('Folgerezept');
  });

  it('does not call "kein Notfall" urgent, but still reports the keyword', () => {
    const draft = draftNoteByRules(
      [caller('Es ist kein Notfall, ich brauche nur einen neuen Termin.')],
      DEMO_MEDICAL_PRACTICE,
    );
    expect(draft.urgency).toBe('low');
    const urgent = draftNoteByRules([caller('Es ist ein Notfall!')], DEMO_MEDICAL_PRACTICE);
    expect(urgent.urgency).toBe('high');
  });

  it('leaves fields empty instead of guessing', () => {
    const draft = draftNoteByRules(
      [caller('Ja hallo?'), agent('Hallo, sind Sie noch da?')],
      DEMO_LAW_FIRM,
    );
    expect(draft).toEqual({ urgency: 'normal', keywordsHeard: [] });
  });
});

describe('caller names', () => {
  it.each([
    ['Hier ist Jens Albrecht.', 'Jens Albrecht'],
    ['Ich bin Frau Okonkwo, ich rufe wegen der Rechnung an.', 'Frau Okonkwo'],
    ['Ja, Schulz, mein Name, ich hätte eine Frage.', 'Schulz'],
    ['Ich bin krank und brauche einen Termin.', undefined],
  ])('%s → %s', (text, name) => {
    expect(draftNoteByRules([caller(text)], DEMO_LAW_FIRM).callerName).toBe(name);
  });
});
