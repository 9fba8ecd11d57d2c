/**
 * The shift lead's schedule editor (issue 10): per client, the weekly business hours, holidays
 * and exceptions that decide when the bot answers a line following a global `on`. The desk
 * checks with the portal's own rules before sending (overlaps, 25:00, times skipped by summer
 * time), asks for confirmation with a preview of what callers get now and a reason for the
 * audit, and shows the portal's reasons if it still refuses.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { botScheduleIssues, scheduleAnswers } from '../../../shared/domain/botSchedule';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { clientListQueryOptions } from '../clientCard/clientQueries';
import { botScheduleQueryOptions } from './botSwitchQueries';
import { draftOf, issueText, type ScheduleDraft } from './scheduleDraft';
import { ExceptionRows, HolidayRows, WeeklyRows } from './ScheduleRows';

interface Outcome {
  readonly kind: 'saved' | 'failed' | 'refused';
  /** The portal's reasons when it refused the schedule (times and dates, never a person). */
  readonly reasons?: readonly string[];
}

export function ScheduleEditor(props: { fallbackClientIds: readonly string[] }) {
  const { t } = useTranslation('botSwitch');
  const { client } = useAppEnvironment();
  const queries = useQueryClient();
  const titleId = useId();
  const clients = useQuery(clientListQueryOptions(client));
  const choices =
    clients.data?.map((item) => ({ id: item.id, name: item.name })) ??
    props.fallbackClientIds.map((id) => ({ id, name: id }));
  const [chosen, setChosen] = useState<string | null>(null);
  const clientId = chosen ?? choices[0]?.id ?? null;
  const schedule = useQuery({
    ...botScheduleQueryOptions(client, clientId ?? ''),
    enabled: clientId !== null,
  });
  const [edited, setEdited] = useState<{ clientId: string; draft: ScheduleDraft } | null>(null);
  const [confirming, setConfirming] = useState<'save' | 'remove' | null>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (clientId === null) return null;
  const draft =
    edited?.clientId === clientId
      ? edited.draft
      : schedule.data
        ? draftOf(schedule.data.schedule)
        : null;
  const edit = (next: ScheduleDraft) => {
    setEdited({ clientId, draft: next });
    setOutcome(null);
  };
  const issues = draft ? botScheduleIssues(draft) : [];
  const nextSchedule = confirming === 'remove' || !draft ? null : draft;

  const confirm = () => {
    const change = { schedule: nextSchedule, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    void client.botSwitch.setSchedule(clientId, change).then((result) => {
      if (!result.ok) {
        const reasons = result.error.fieldErrors?.map((field) => field.message) ?? [];
        setOutcome(
          result.error.code === 'validation' ? { kind: 'refused', reasons } : { kind: 'failed' },
        );
        setConfirming(null);
        return;
      }
      queries.setQueryData(botScheduleQueryOptions(client, clientId).queryKey, result.value);
      void queries.invalidateQueries({ queryKey: ['botSwitch'] });
      setEdited(null);
      setConfirming(null);
      setReason('');
      setOutcome({ kind: 'saved' });
    });
  };

  return (
    <section className="bot-schedule" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('schedule.title')}</h2>
      <p>{t('schedule.intro')}</p>
      <label>
        {t('schedule.client')}{' '}
        <select
          value={clientId}
          onChange={(event) => {
            setChosen(event.target.value);
            setConfirming(null);
            setOutcome(null);
          }}
        >
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
      </label>
      {schedule.isError ? <p role="alert">{t('schedule.loadFailed')}</p> : null}
      {draft ? (
        <>
          {schedule.data?.schedule === null && edited?.clientId !== clientId ? (
            <p>{t('schedule.none')}</p>
          ) : null}
          <WeeklyRows draft={draft} onChange={edit} />
          <HolidayRows draft={draft} onChange={edit} />
          <ExceptionRows draft={draft} onChange={edit} />
          {issues.length > 0 ? (
            <div className="bot-schedule-problems" aria-live="polite">
              <p>{t('schedule.problemsTitle')}</p>
              <ul>
                {issues.map((issue, index) => (
                  <li key={index}>{issueText(t, issue)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {outcome?.kind === 'refused' ? (
            <div role="alert" className="bot-schedule-problems">
              <p>{t('schedule.portalProblemsTitle')}</p>
              <ul>
                {(outcome.reasons ?? []).map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {outcome?.kind === 'failed' ? <p role="alert">{t('schedule.failed')}</p> : null}
          {outcome?.kind === 'saved' ? <p role="status">{t('schedule.saved')}</p> : null}
          <div className="bot-switch-dialog-actions">
            <button
              type="button"
              disabled={issues.length > 0}
              onClick={() => setConfirming('save')}
            >
              {t('schedule.save')}
            </button>
            {schedule.data?.schedule ? (
              <button type="button" onClick={() => setConfirming('remove')}>
                {t('schedule.removeSchedule')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      {confirming ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby={`${titleId}-confirm`}
          className="bot-switch-dialog"
        >
          <h3 id={`${titleId}-confirm`}>{t('schedule.confirmTitle')}</h3>
          <p>
            {nextSchedule
              ? t('schedule.confirmSave', {
                  weekly: nextSchedule.weekly.length,
                  holidays: nextSchedule.holidays.length,
                  exceptions: nextSchedule.exceptions.length,
                })
              : t('schedule.confirmRemove')}
          </p>
          <p
            data-preview={
              !nextSchedule || scheduleAnswers(nextSchedule, new Date()) ? 'bot' : 'agents'
            }
          >
            {!nextSchedule || scheduleAnswers(nextSchedule, new Date())
              ? t('schedule.previewNowBot')
              : t('schedule.previewNowAgents')}
          </p>
          <label>
            {t('reason')}
            <input
              value={reason}
              maxLength={200}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <div className="bot-switch-dialog-actions">
            <button type="button" onClick={() => setConfirming(null)}>
              {t('cancel')}
            </button>
            <button type="button" onClick={confirm}>
              {t('schedule.confirm')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
