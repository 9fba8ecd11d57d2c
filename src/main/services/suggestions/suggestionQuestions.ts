/**
 * Labelled German caller questions for the three demo clients: each names the approved text
 * that should answer it, or "escalate" when no text fits or the caller asks for legal, medical
 * or tax judgement. Used by the quality test and the benchmark; fictional, no personal data.
 */

export interface LabelledQuestion {
  readonly clientId: string;
  readonly question: string;
  /** An approved text id of that client, or "escalate". */
  readonly expected: string;
}

const LAW = 'kanzlei-brandt-okafor';
const MEDICAL = 'praxis-lindqvist-aydin';
const TRADE = 'haustechnik-wolters';

function questionsFor(
  clientId: string,
  rows: readonly (readonly [question: string, expected: string])[],
): LabelledQuestion[] {
  return rows.map(([question, expected]) => ({ clientId, question, expected }));
}

export const LABELLED_QUESTIONS: readonly LabelledQuestion[] = [
  ...questionsFor(LAW, [
    ['Guten Tag, wann haben Sie denn heute geöffnet?', 'law-opening-hours'],
    ['Bis wann ist die Kanzlei am Freitag erreichbar?', 'law-opening-hours'],
    ['Ich hätte gern einen Termin für eine Erstberatung.', 'law-first-appointment'],
    [
      'Ich bräuchte mal einen Beratungstermin bei einem Anwalt wegen meinem Mietvertrag.',
      'law-first-appointment',
    ],
    ['Was kostet denn so ein erstes Gespräch bei Ihnen?', 'law-fees'],
    ['Übernimmt meine Rechtsschutzversicherung die Kosten?', 'law-legal-insurance'],
    [
      'Ich bin beim Jobcenter und habe wenig Geld, kann ich trotzdem zu Ihnen kommen?',
      'law-legal-aid',
    ],
    ['Welche Unterlagen soll ich zum Termin mitbringen?', 'law-documents'],
    ['Ich habe einen Mahnbescheid bekommen und die Frist läuft bald ab.', 'law-deadline'],
    ['Mein Arbeitgeber hat mir gestern gekündigt.', 'law-dismissal'],
    ['Ich habe heute die Kuendigung von meiner Firma bekommen.', 'law-dismissal'],
    ['Wo kann ich in der Nähe der Kanzlei parken?', 'law-directions'],
    ['Kann Frau Dr. Brandt mich bitte zurückrufen?', 'law-callback'],
    ['Haben Sie zwischen Weihnachten und Neujahr geöffnet?', 'law-holidays'],
    ['Machen Sie auch Verkehrsrecht? Ich hatte einen Unfall.', 'law-practice-areas'],
    ['Wie ist denn der Stand in meiner Sache? Ich habe das Aktenzeichen hier.', 'law-case-status'],
    ['Kann ich Ihnen die Dokumente einfach per E-Mail schicken?', 'law-send-documents'],
    ['Ich möchte mich scheiden lassen, wie läuft das ab?', 'law-divorce'],
    ['Geht die Beratung auch per Video?', 'law-remote-consultation'],
    ['Ich habe eine Frage zu Ihrer Rechnung, kann ich in Raten zahlen?', 'law-invoice'],
    ['Habe ich Anspruch auf eine Abfindung?', 'escalate'],
    ['Soll ich den Aufhebungsvertrag unterschreiben?', 'escalate'],
    ['Ist die Kündigung überhaupt wirksam, ich war doch krank?', 'escalate'],
    ['Darf mein Vermieter einfach die Miete um zwanzig Prozent erhöhen?', 'escalate'],
    ['Ich wollte eigentlich eine Pizza bestellen.', 'escalate'],
  ]),
  ...questionsFor(MEDICAL, [
    ['Hat die Praxis am Mittwochnachmittag geöffnet?', 'med-opening-hours'],
    ['Welche Sprechzeiten haben Sie?', 'med-opening-hours'],
    ['Ich möchte einen Termin vereinbaren.', 'med-appointment'],
    ['Ich habe seit gestern hohes Fieber, kann ich heute ohne Termin vorbeikommen?', 'med-acute'],
    ['Mein Mann hat starke Brustschmerzen und bekommt kaum Luft!', 'med-emergency'],
    ['Wen kann ich am Wochenende anrufen, wenn die Praxis zu ist?', 'med-after-hours'],
    ['Ich bräuchte ein neues Rezept für meine Blutdrucktabletten.', 'med-repeat-prescription'],
    ['Ich brauche eine Krankschreibung für meinen Arbeitgeber.', 'med-sick-note'],
    ['Sind meine Blutwerte schon da?', 'med-results'],
    ['Was muss ich zum ersten Termin mitbringen?', 'med-what-to-bring'],
    ['Nehmen Sie noch neue Patienten auf?', 'med-new-patients'],
    ['Ich möchte mich gegen Grippe impfen lassen.', 'med-vaccination'],
    ['Meine Mutter ist bettlägerig, macht die Ärztin auch Hausbesuche?', 'med-house-visit'],
    ['Ich brauche eine Überweisung zum Orthopäden.', 'med-referral'],
    ['Was kostet ein Attest für den Führerschein?', 'med-private-services'],
    ['Gibt es bei Ihnen Parkplätze in der Nähe?', 'med-directions'],
    ['Ist die Praxis in den Sommerferien geschlossen?', 'med-holidays'],
    ['Kann mich Dr. Aydın heute noch zurückrufen?', 'med-callback'],
    ['Muss ich für den Check-up nüchtern kommen?', 'med-checkup'],
    ['Ich kann meinen Termin morgen leider nicht wahrnehmen und möchte absagen.', 'med-cancel'],
    ['Soll ich das Antibiotikum weiter nehmen, obwohl ich Ausschlag bekomme?', 'escalate'],
    ['Ist es gefährlich, wenn mein Blutdruck bei 160 liegt?', 'escalate'],
    ['Wie viele Ibuprofen darf ich am Tag nehmen?', 'escalate'],
    ['Was bedeuten meine Leberwerte?', 'escalate'],
  ]),
  ...questionsFor(TRADE, [
    ['Wann ist Ihr Büro besetzt?', 'trade-office-hours'],
    ['Bei mir ist ein Rohr geplatzt und das Wasser läuft in den Keller!', 'trade-emergency'],
    ['Was kostet der Notdienst am Sonntag?', 'trade-emergency-surcharge'],
    ['Wie hoch ist Ihr Stundensatz?', 'trade-rates'],
    ['Machen Sie auch kostenlose Kostenvoranschläge?', 'trade-quote'],
    ['Meine Gastherme müsste mal wieder gewartet werden.', 'trade-maintenance'],
    ['Die Heizung ist kalt und im Display steht ein Fehlercode.', 'trade-heating-failure'],
    ['Unsere Heizung ist komplett ausgefallen und es ist eiskalt.', 'trade-heating-failure'],
    ['Unser Klo ist verstopft.', 'trade-blocked-drain'],
    ['Wann kann ein Monteur vorbeikommen, um den Wasserhahn zu reparieren?', 'trade-appointment'],
    ['Kommen Sie auch nach Norderstedt?', 'trade-service-area'],
    ['Wir möchten unser Badezimmer barrierefrei umbauen lassen.', 'trade-bathroom'],
    ['Bauen Sie auch Wärmepumpen ein, und gibt es dafür Förderung?', 'trade-heat-pump'],
    ['Ich habe eine Frage zu Ihrer Rechnung.', 'trade-invoice'],
    [
      'Die Reparatur von letzter Woche ist schon wieder kaputt, ich möchte das reklamieren.',
      'trade-complaint',
    ],
    ['Wo soll der Monteur denn parken?', 'trade-access'],
    ['Haben Sie über Weihnachten Betriebsurlaub?', 'trade-holidays'],
    ['Es riecht im Treppenhaus stark nach Gas!', 'trade-gas-smell'],
    ['Kann mich jemand aus dem Büro zurückrufen?', 'trade-callback'],
    ['Muss mein Vermieter die Reparatur bezahlen oder ich?', 'escalate'],
    ['Kann ich die Handwerkerrechnung von der Steuer absetzen?', 'escalate'],
    ['Verkaufen Sie auch Fahrräder?', 'escalate'],
    ['Ich möchte bitte direkt mit Herrn Wolters sprechen.', 'escalate'],
  ]),
];

/**
 * A second set, written after the engine and its texts and never tuned against: colloquial,
 * lower-case, unpunctuated like raw speech transcripts. Its first run scored 20/34 (59 %); the
 * compound-part weight and the answer threshold were then set with it in view (25/34, 74 %),
 * so it is no longer a clean held-out set, only a regression floor. The work on spoken
 * utterances (issue 11: query repairs, synonyms, key-term scoring) took it to 32/34 (94 %).
 */
export const HELD_OUT_QUESTIONS: readonly LabelledQuestion[] = [
  ...questionsFor(LAW, [
    ['hallo ich wollt mal fragen bis wieviel uhr sie heute da sind', 'law-opening-hours'],
    [
      'ich hab ärger mit meinem vermieter und bräuchte jemanden der mich berät wann ginge das',
      'law-first-appointment',
    ],
    ['was nehmen sie denn so für eine beratung', 'law-fees'],
    ['zahlt das meine rechtsschutz', 'law-legal-insurance'],
    [
      'ich hab einen brief vom gericht bekommen und muss bis nächste woche antworten',
      'law-deadline',
    ],
    ['die haben mich rausgeschmissen bei der arbeit', 'law-dismissal'],
    ['wo genau sind sie denn gibts da parkhäuser', 'law-directions'],
    ['können sie mich per zoom beraten', 'law-remote-consultation'],
    ['ich würde gern wissen wie weit mein verfahren ist', 'law-case-status'],
    ['was muss ich denn alles dabei haben wenn ich komme', 'law-documents'],
    ['kann mein chef mir einfach den urlaub streichen', 'escalate'],
  ]),
  ...questionsFor(MEDICAL, [
    ['sind sie am freitag nachmittag da', 'med-opening-hours'],
    ['mir gehts richtig schlecht mit halsschmerzen kann ich gleich vorbeikommen', 'med-acute'],
    ['ich bräuchte meine schilddrüsentabletten wieder', 'med-repeat-prescription'],
    ['ich bin krank und brauche einen gelben schein', 'med-sick-note'],
    ['ist mein blutbild schon zurück', 'med-results'],
    ['wann kann ich zur grippeimpfung kommen', 'med-vaccination'],
    [
      'mein vater kann nicht mehr laufen kann die ärztin zu uns nach hause kommen',
      'med-house-visit',
    ],
    ['ich muss zum hautarzt und brauche dafür was von ihnen', 'med-referral'],
    ['wo ist die praxis genau ist die mit dem rollstuhl erreichbar', 'med-directions'],
    ['ich schaffe es morgen nicht zu meinem termin', 'med-cancel'],
    ['wo kann ich nachts hin wenn was ist', 'med-after-hours'],
  ]),
  ...questionsFor(TRADE, [
    ['bis wann kann ich sie heute telefonisch erreichen', 'trade-office-hours'],
    ['bei uns steht der ganze keller unter wasser', 'trade-emergency'],
    ['was nehmen sie pro stunde', 'trade-rates'],
    ['unsere heizung muss mal wieder durchgecheckt werden', 'trade-maintenance'],
    ['das waschbecken läuft nicht ab', 'trade-blocked-drain'],
    ['wir wollen das bad neu machen lassen', 'trade-bathroom'],
    ['fahren sie auch raus nach pinneberg', 'trade-service-area'],
    ['ich riech gas in der küche', 'trade-gas-smell'],
    ['wie lange habe ich zeit die rechnung zu bezahlen', 'trade-invoice'],
    ['braucht der monteur einen schlüssel für den keller', 'trade-access'],
    ['wie viel von der heizung kann ich beim finanzamt geltend machen', 'escalate'],
    ['gibt es bei ihnen auch einen friseur', 'escalate'],
  ]),
];
