import { defineTranslations } from '../../i18n/defineTranslations';

/** Suggested answers during a call: citations, escalation cards, availability notes. */
export const suggestionsTranslations = defineTranslations({
  de: {
    title: 'Antwortvorschläge',
    empty: 'Vorschläge erscheinen, sobald der Anrufer etwas fragt.',
    idle: 'Antwortvorschläge erscheinen hier während eines Gesprächs.',
    pending: 'Suche passenden Freigabetext …',
    refining: 'Sprachmodell formuliert …',
    neverAutomatic: 'Vorschläge werden nie automatisch ausgeführt.',
    citation: 'Freigabetext: {{title}}',
    verbatim: 'wörtlich',
    phrased: 'vom Sprachmodell formuliert',
    alternatives: 'Ebenfalls passend:',
    injection:
      'Versuch, den Assistenten zu steuern: Das Gesagte richtete sich an den Assistenten, nicht an die Sache – daraus wird nichts beantwortet.',
    steeringInCall: 'In diesem Gespräch wurde versucht, den Assistenten zu steuern ({{count}}×).',
    copy: 'Kopieren',
    copied: 'Kopiert.',
    copyFailed: 'Kopieren nicht möglich.',
    quote: 'In die Notiz',
    quoted: 'In die Notiz übernommen.',
    queued: 'Vorgemerkt: kommt in die Notiz, sobald diese nach dem Gespräch öffnet.',
    quoteFailed: 'Nicht übernommen: zu diesem Anruf ist keine Notiz offen.',
    escalate: {
      title: 'Eskalieren / an Mitarbeiter weiterleiten',
      noMatch: 'Kein Freigabetext passt zu dieser Frage – keine eigene Auskunft geben.',
      judgement: 'Der Anrufer bittet um eine {{area}} Einschätzung – keine Auskunft geben.',
      staffRequest: 'Der Anrufer möchte eine bestimmte Person sprechen.',
      modelEscalated: 'Das Sprachmodell empfiehlt, weiterzuleiten.',
      steeringAttempt:
        'Der Anrufer spricht zum Assistenten statt über sein Anliegen – keine Auskunft geben, nach dem Anliegen fragen.',
      emergency:
        'Notlage, für die es keinen Freigabetext gibt – sofort übernehmen oder weiterleiten; bei Gefahr für Leib und Leben auf 112 verweisen.',
      area: { legal: 'rechtliche', medical: 'medizinische', tax: 'steuerliche' },
      forwardTo: 'Weiterleiten an',
      noTargets: 'Keine passende Person hinterlegt – Nachricht aufnehmen.',
      presence: {
        present: 'anwesend',
        absent: 'abwesend',
        busy: 'im Gespräch',
        unknown: 'Status unbekannt',
      },
      target: 'Ziel: {{target}}',
    },
    unavailable: {
      service: 'Vorschläge nicht verfügbar: der Vorschlagsdienst antwortet nicht.',
      model:
        'Vorschläge eingeschränkt: Sprachmodell nicht verfügbar ({{reason}}) – Freigabetexte werden weiter direkt gezeigt.',
      reason: {
        notConfigured: 'nicht eingerichtet',
        unauthorized: 'Zugang abgelehnt',
        timeout: 'Zeitüberschreitung',
        invalidOutput: 'ungültige Antwort',
        unreachable: 'nicht erreichbar',
        providerError: 'Fehler beim Anbieter',
      },
    },
  },
  en: {
    title: 'Suggested answers',
    empty: 'Suggestions appear as soon as the caller asks something.',
    idle: 'Suggested answers appear here during a call.',
    pending: 'Looking for a fitting approved text …',
    refining: 'Language model is phrasing …',
    neverAutomatic: 'Suggestions are never carried out automatically.',
    citation: 'Approved text: {{title}}',
    verbatim: 'verbatim',
    phrased: 'phrased by the language model',
    alternatives: 'Also fitting:',
    injection:
      'Attempt to steer the assistant: the words were aimed at the assistant, not at a concern – nothing is answered from them.',
    steeringInCall: 'Someone tried to steer the assistant in this call ({{count}}×).',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Copying not possible.',
    quote: 'Into the note',
    quoted: 'Quoted into the note.',
    queued: 'Kept: goes into the note as soon as the note opens after the call.',
    quoteFailed: 'Not quoted: no note is open for this call.',
    escalate: {
      title: 'Escalate / forward to staff',
      noMatch: 'No approved text fits this question – do not answer on your own.',
      judgement: 'The caller asks for a {{area}} assessment – do not give one.',
      staffRequest: 'The caller wants to speak to a particular person.',
      modelEscalated: 'The language model recommends forwarding.',
      steeringAttempt:
        'The caller talks to the assistant instead of about a concern – do not answer, ask for the concern.',
      emergency:
        'An emergency no approved text covers – take over or forward at once; if life is at risk, point to 112.',
      area: { legal: 'legal', medical: 'medical', tax: 'tax' },
      forwardTo: 'Forward to',
      noTargets: 'No fitting person on file – take a message.',
      presence: {
        present: 'present',
        absent: 'absent',
        busy: 'on a call',
        unknown: 'status unknown',
      },
      target: 'Target: {{target}}',
    },
    unavailable: {
      service: 'Suggestions unavailable: the suggestion service does not answer.',
      model:
        'Suggestions limited: language model unavailable ({{reason}}) – approved texts are still shown directly.',
      reason: {
        notConfigured: 'not configured',
        unauthorized: 'access denied',
        timeout: 'timeout',
        invalidOutput: 'invalid answer',
        unreachable: 'unreachable',
        providerError: 'provider error',
      },
    },
  },
});
