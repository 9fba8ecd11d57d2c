import { defineTranslations } from '../../i18n/defineTranslations';

/** The call workspace around the softphone, the client card and the note. */
export const callWorkspaceTranslations = defineTranslations({
  de: {
    portalUnavailable: 'Dieser Arbeitsplatz hat keine Verbindung zu einem Portal.',
    needsAgent: 'Für die Anrufbearbeitung ist die Rolle Sekretariat erforderlich.',
    regions: {
      phone: 'Telefon',
      card: 'Auftraggeber des Anrufs',
      note: 'Telefonnotiz',
      notes: 'Notizen und Verlauf',
    },
    status: {
      loggedIn: 'angemeldet',
      loggedOut: 'nicht angemeldet',
      offline: 'nicht erreichbar',
      starting: 'wird verbunden',
      failed: 'nicht verfügbar',
    },
    callLog: {
      label: 'Anrufprotokoll',
      waiting: 'wartet auf das Portal: {{count}}',
      failed: 'vom Portal abgelehnt: {{count}}',
    },
    announce: {
      ringing: 'Anruf klingelt: {{caller}} auf {{line}}',
      directLine: 'Direktwahl',
      noteFailed:
        'Eine Telefonnotiz konnte nicht gesendet werden ({{count}} fehlgeschlagen). Sie steht unter den Notizen zum erneuten Senden.',
      bot: {
        line: {
          on: 'KI-Assistent für {{line}} eingeschaltet',
          off: 'KI-Assistent für {{line}} ausgeschaltet',
          inherit: 'KI-Assistent für {{line}} folgt dem globalen Schalter',
        },
        global: {
          on: 'KI-Assistent global eingeschaltet',
          off: 'KI-Assistent global ausgeschaltet',
          inherit: 'KI-Assistent global zurückgesetzt',
        },
      },
    },
  },
  en: {
    portalUnavailable: 'This desk has no connection to a portal.',
    needsAgent: 'Handling calls needs the secretary role.',
    regions: {
      phone: 'Phone',
      card: 'Client of the call',
      note: 'Call note',
      notes: 'Notes and history',
    },
    status: {
      loggedIn: 'logged in',
      loggedOut: 'not logged in',
      offline: 'unreachable',
      starting: 'connecting',
      failed: 'not available',
    },
    callLog: {
      label: 'Call log',
      waiting: 'waiting for the portal: {{count}}',
      failed: 'refused by the portal: {{count}}',
    },
    announce: {
      ringing: 'Call ringing: {{caller}} on {{line}}',
      directLine: 'direct line',
      noteFailed:
        'A call note could not be sent ({{count}} failed). It is in the notes list to send again.',
      bot: {
        line: {
          on: 'AI assistant for {{line}} switched on',
          off: 'AI assistant for {{line}} switched off',
          inherit: 'AI assistant for {{line}} follows the global switch',
        },
        global: {
          on: 'AI assistant switched on globally',
          off: 'AI assistant switched off globally',
          inherit: 'AI assistant reset globally',
        },
      },
    },
  },
});
