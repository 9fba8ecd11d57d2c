import { defineTranslations } from '../../i18n/defineTranslations';

/** Data requests (Art. 15/17) and which AI providers receive a call's data (issue 13). */
export const dataRequestsTranslations = defineTranslations({
  de: {
    providers: {
      label: 'KI-Anbieter für diesen Anruf:',
      none: 'keine – Audio und Gesprächstext bleiben auf diesem Arbeitsplatz',
      deepgram: 'Deepgram (Transkription)',
      openai: 'OpenAI (Sprachmodell)',
    },
  },
  en: {
    providers: {
      label: 'AI providers for this call:',
      none: 'none – audio and call text stay on this desk',
      deepgram: 'Deepgram (transcription)',
      openai: 'OpenAI (language model)',
    },
  },
});
