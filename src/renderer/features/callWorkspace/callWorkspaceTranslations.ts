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
  },
});
