/**
 * One line on the call card: which AI providers may receive this call's audio and text, from the
 * client's allow-list (a professional-secrecy client without a list: none). Shown only once the
 * client of the dialled line is known; the desk sends nothing to a provider that is not listed.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { allowedAiProviders } from '../../../shared/domain/aiProviderPolicy';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { clientByLineQueryOptions } from '../clientCard/clientQueries';
import './dataRequests.css';

export function CallAiProviders({ line }: { line: string }) {
  const { t } = useTranslation('dataRequests');
  const { client } = useAppEnvironment();
  const lookup = useQuery(clientByLineQueryOptions(client, line));
  if (lookup.data?.kind !== 'found') return null;
  const allowed = allowedAiProviders(lookup.data.profile);
  const names = [...allowed.transcription, ...allowed.model].map((provider) =>
    t(`providers.${provider}`),
  );
  const text = names.length > 0 ? names.join(', ') : t('providers.none');
  // One line, so the call bar stays short (issue 12); the whole text is the tooltip and is read
  // out in full by screen readers (the ellipsis is only drawn).
  return (
    <p
      className="softphone-hint call-ai-providers"
      data-testid="call-ai-providers"
      title={`${t('providers.label')} ${text}`}
    >
      <span className="softphone-label">{t('providers.label')}</span> {text}
    </p>
  );
}
