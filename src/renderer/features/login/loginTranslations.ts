import { defineTranslations } from '../../i18n/defineTranslations';

/** Login, first-run set-up, logout. */
export const loginTranslations = defineTranslations({
  de: {
    connecting: 'Verbindung zum Portal wird hergestellt …',
    failed: {
      title: 'Das Portal ist nicht verfügbar',
      embedded:
        'Das eingebaute Portal auf diesem Rechner konnte nicht starten. Tragen Sie in den Einstellungen die Adresse Ihres Portals ein oder starten Sie die Anwendung neu.',
      remote:
        'Das eingestellte Portal konnte nicht geöffnet werden. Prüfen Sie die Portal-Adresse in den Einstellungen.',
      openSettings: 'Einstellungen öffnen',
    },
    title: 'Anmeldung',
    intro: 'Melden Sie sich mit Ihrem Portal-Zugang an.',
    portalEmbedded: 'Portal: eingebaut auf diesem Rechner',
    portalRemote: 'Portal: zentral (laut Einstellungen)',
    offline: 'Das Portal ist gerade nicht erreichbar.',
    userName: 'Benutzername',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft …',
    invalid: 'Benutzername oder Passwort ist falsch.',
    rateLimited: 'Zu viele Fehlversuche. Bitte in {{seconds}} Sekunden erneut versuchen.',
    unreachable: 'Das Portal ist nicht erreichbar. Bitte später erneut versuchen.',
    error: 'Die Anmeldung ist fehlgeschlagen. Bitte erneut versuchen.',
    expired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    revoked: 'Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.',
    memoryOnly:
      'Dieses System hat keinen sicheren Schlüsselspeicher: Die Anmeldung gilt nur bis zum Beenden der Anwendung.',
    firstRun: {
      title: 'Ersteinrichtung',
      intro:
        'Dieser Arbeitsplatz betreibt sein Portal selbst und hat noch keinen Zugang. Legen Sie den ersten Zugang an (Administration).',
      displayName: 'Angezeigter Name',
      userNameHint:
        'Kleinbuchstaben, Ziffern, Punkt, Binde- und Unterstrich; mindestens 3 Zeichen.',
      passwordHint: 'Mindestens 12 Zeichen.',
      passwordRepeat: 'Passwort wiederholen',
      passwordMismatch: 'Die Passwörter stimmen nicht überein.',
      demoData: 'Demo-Daten laden (Kanzlei, Arztpraxis, Sanitärbetrieb)',
      submit: 'Zugang anlegen und anmelden',
      invalid: 'Bitte prüfen Sie die markierten Angaben.',
    },
    demoOffer: {
      text: 'Im eingebauten Portal sind noch keine Auftraggeber angelegt.',
      load: 'Demo-Daten laden',
      loaded: '{{count}} Demo-Auftraggeber geladen.',
      failed: 'Die Demo-Daten konnten nicht geladen werden.',
    },
    user: {
      label: 'Angemeldet als {{name}} ({{role}})',
      roles: {
        agent: 'Sekretariat',
        supervisor: 'Supervisor',
        'shift-lead': 'Schichtleitung',
        admin: 'Administration',
      },
    },
    logout: {
      button: 'Abmelden',
      busy: 'Abmeldung läuft …',
      unsentTitle: 'Nicht gesendete Notizen und Anrufe',
      unsent:
        '{{count}} Notiz(en) oder Anrufprotokoll(e) sind noch nicht beim Portal. Beim Abmelden werden alle Daten dieses Arbeitsplatzes gelöscht. Exportieren Sie sie vorher.',
      exportAndLogout: 'Exportieren und abmelden',
      cancel: 'Abbrechen',
      failed: 'Die Abmeldung ist fehlgeschlagen.',
    },
  },
  en: {
    connecting: 'Connecting to the portal …',
    failed: {
      title: 'The portal is not available',
      embedded:
        'The built-in portal on this computer could not start. Enter your portal’s address in the settings or restart the application.',
      remote:
        'The configured portal could not be opened. Check the portal address in the settings.',
      openSettings: 'Open settings',
    },
    title: 'Log in',
    intro: 'Log in with your portal account.',
    portalEmbedded: 'Portal: built into this computer',
    portalRemote: 'Portal: central (from the settings)',
    offline: 'The portal cannot be reached right now.',
    userName: 'User name',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in …',
    invalid: 'User name or password is wrong.',
    rateLimited: 'Too many failed attempts. Please try again in {{seconds}} seconds.',
    unreachable: 'The portal cannot be reached. Please try again later.',
    error: 'Login failed. Please try again.',
    expired: 'Your session has expired. Please log in again.',
    revoked: 'Your session was ended. Please log in again.',
    memoryOnly:
      'This system has no secure key store: the login lasts only until the application is closed.',
    firstRun: {
      title: 'First-time set-up',
      intro:
        'This desk runs its own portal and has no account yet. Create the first account (administration).',
      displayName: 'Display name',
      userNameHint: 'Lower-case letters, digits, dot, dash and underscore; at least 3 characters.',
      passwordHint: 'At least 12 characters.',
      passwordRepeat: 'Repeat password',
      passwordMismatch: 'The passwords do not match.',
      demoData: 'Load demo data (law firm, medical practice, plumbing business)',
      submit: 'Create account and log in',
      invalid: 'Please check the marked fields.',
    },
    demoOffer: {
      text: 'The built-in portal has no clients yet.',
      load: 'Load demo data',
      loaded: '{{count}} demo clients loaded.',
      failed: 'The demo data could not be loaded.',
    },
    user: {
      label: 'Logged in as {{name}} ({{role}})',
      roles: {
        agent: 'Secretary',
        supervisor: 'Supervisor',
        'shift-lead': 'Shift lead',
        admin: 'Administration',
      },
    },
    logout: {
      button: 'Log out',
      busy: 'Logging out …',
      unsentTitle: 'Notes and calls not sent',
      unsent:
        '{{count}} note(s) or call log entries have not reached the portal yet. Logging out deletes all data of this desk. Export them first.',
      exportAndLogout: 'Export and log out',
      cancel: 'Cancel',
      failed: 'Logging out failed.',
    },
  },
});
