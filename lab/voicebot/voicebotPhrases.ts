/**
 * Everything the lab voicebot says, in German (callers of German clients hear German only).
 * The disclosure is the AI notice required before any processing (EU AI Act transparency,
 * DOMAIN.md "The hybrid model"): automated assistant, not recorded, consent question.
 */

export const PHRASES = {
  disclosure:
    'Sie sprechen mit einem automatischen KI-Assistenten. Das Gespräch wird nicht aufgezeichnet; nur eine schriftliche Zusammenfassung wird an unser Team weitergegeben. Sind Sie damit einverstanden?',
  holdDisclosure:
    'Sie sprechen mit einem automatischen KI-Assistenten; das Gespräch wird nicht aufgezeichnet. Im Moment sind alle Mitarbeiterinnen und Mitarbeiter im Gespräch. Bitte bleiben Sie dran, ich verbinde Sie so bald wie möglich.',
  consentRepeat:
    'Entschuldigung, das habe ich nicht verstanden. Sind Sie einverstanden, mit dem KI-Assistenten zu sprechen? Bitte sagen Sie ja oder nein.',
  howCanIHelp: 'Vielen Dank. Wie kann ich Ihnen helfen?',
  anythingElse: 'Kann ich sonst noch etwas für Sie tun?',
  notUnderstood:
    'Entschuldigung, das habe ich nicht verstanden. Könnten Sie das bitte wiederholen?',
  connecting:
    'Ich verbinde Sie mit einer Mitarbeiterin oder einem Mitarbeiter. Bitte bleiben Sie dran.',
  connectingEmergency:
    'Ich verbinde Sie sofort mit einem Menschen. Wenn Leben in Gefahr ist, rufen Sie bitte die 112 an.',
  stillConnecting: 'Bitte bleiben Sie dran, ich verbinde Sie gleich.',
  position: (position: number) =>
    position <= 1
      ? 'Sie sind als Nächstes an der Reihe. Bitte bleiben Sie dran.'
      : `Sie sind an Position ${position}. Bitte bleiben Sie dran.`,
  handingOver: 'Ich stelle Sie jetzt durch.',
  handoverFailed:
    'Das hat leider nicht geklappt. Ich versuche es gleich noch einmal, bitte bleiben Sie dran.',
  askName: 'Leider ist gerade niemand frei. Ich nehme gern eine Nachricht auf. Wie ist Ihr Name?',
  askCallbackNumber: 'Unter welcher Telefonnummer können wir Sie zurückrufen?',
  askConcern: 'Und worum geht es?',
  messageTaken:
    'Vielen Dank, ich habe Ihre Nachricht aufgenommen. Wir rufen Sie so bald wie möglich zurück. Auf Wiederhören.',
  goodbye: 'Vielen Dank für Ihren Anruf. Auf Wiederhören.',
} as const;
