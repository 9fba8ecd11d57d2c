/** The "Bot-Gespräche" area: the board over the window's hybrid store (fed by the calls area). */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { clientListQueryOptions } from '../clientCard/clientQueries';
import { BotCallsBoard, type TakeOverView } from './BotCallsBoard';
import { useHybrid } from './hybridForWindow';
import { takeOverBotCall } from './offerActions';
import { useNow } from './useNow';
import './hybrid.css';

export function BotCallsArea() {
  const { t } = useTranslation('hybrid');
  const { client } = useAppEnvironment();
  const hybrid = useHybrid();
  const botCalls = useAppStore(hybrid.store, (state) => state.botCalls);
  const transcripts = useAppStore(hybrid.store, (state) => state.transcripts);
  const clients = useQuery(clientListQueryOptions(client));
  const now = useNow();
  const [takeOvers, setTakeOvers] = useState<Record<string, TakeOverView>>({});
  const calls = useMemo(
    () =>
      Object.values(botCalls).sort((left, right) => left.startedAt.localeCompare(right.startedAt)),
    [botCalls],
  );
  const names = useMemo(
    () => new Map((clients.data ?? []).map((entry) => [entry.id, entry.name])),
    [clients.data],
  );

  const takeOver = (callId: string): void => {
    setTakeOvers((current) => ({ ...current, [callId]: 'pending' }));
    void takeOverBotCall(hybrid, callId).then((outcome) =>
      setTakeOvers((current) => ({ ...current, [callId]: outcome })),
    );
  };

  return (
    <div className="bot-calls-board">
      <p className="hybrid-muted">{t('board.intro')}</p>
      <BotCallsBoard
        calls={calls}
        transcripts={transcripts}
        clientName={(clientId) => names.get(clientId) ?? clientId}
        now={now}
        takeOvers={takeOvers}
        onTakeOver={takeOver}
      />
    </div>
  );
}
