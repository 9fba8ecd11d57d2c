/**
 * Tells an agent whether the bot answers a line of theirs right now ("Bot nimmt an" / "Kein
 * Bot"), live on every `bot-switch.changed`. Shows nothing while unknown (no portal, no line).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { botSwitchStateQueryOptions, followBotSwitchChanges } from './botSwitchQueries';

export function BotAnswersIndicator({ line }: { line: string }) {
  const { t } = useTranslation('botSwitch');
  const { client } = useAppEnvironment();
  const queries = useQueryClient();
  const state = useQuery(botSwitchStateQueryOptions(client));
  useEffect(() => followBotSwitchChanges(client, queries), [client, queries]);
  const entry = state.data?.lines.find((item) => item.line === line);
  if (!entry) return null;
  return (
    <span className="bot-answers-indicator" data-line={line} data-bot-answers={entry.botAnswers}>
      {entry.botAnswers ? t('indicatorOn') : t('indicatorOff')}
    </span>
  );
}
