/**
 * The rows of the schedule editor: weekly windows, holidays and dated exceptions. Controlled:
 * every edit hands a whole new draft to `onChange`; times are typed as text (HH:MM) so that a
 * wrong one (25:00) is shown as a problem rather than silently refused by a time picker.
 */
import { useTranslation } from 'react-i18next';
import { NEW_WEEKLY_WINDOW, WEEKDAYS_FROM_MONDAY, type ScheduleDraft } from './scheduleDraft';

type Change = (next: ScheduleDraft) => void;

function replaced<Item>(items: readonly Item[], index: number, item: Item): Item[] {
  return items.map((current, position) => (position === index ? item : current));
}

function without<Item>(items: readonly Item[], index: number): Item[] {
  return items.filter((_item, position) => position !== index);
}

function TimeInput(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <input
      className="bot-schedule-time"
      aria-label={props.label}
      value={props.value}
      maxLength={5}
      inputMode="numeric"
      placeholder="08:00"
      onChange={(event) => props.onChange(event.target.value.trim())}
    />
  );
}

function RemoveButton(props: { label: string; onClick: () => void }) {
  const { t } = useTranslation('botSwitch');
  return (
    <button type="button" aria-label={props.label} onClick={props.onClick}>
      {t('schedule.remove')}
    </button>
  );
}

export function WeeklyRows(props: { draft: ScheduleDraft; onChange: Change }) {
  const { t } = useTranslation('botSwitch');
  const { draft, onChange } = props;
  const set = (index: number, window: ScheduleDraft['weekly'][number]) =>
    onChange({ ...draft, weekly: replaced(draft.weekly, index, window) });
  return (
    <fieldset>
      <legend>{t('schedule.weeklyTitle')}</legend>
      <p className="bot-schedule-hint">{t('schedule.timeHint')}</p>
      <ol className="bot-schedule-rows">
        {draft.weekly.map((window, index) => (
          <li key={index} data-weekly-row={index + 1}>
            <select
              aria-label={`${t('schedule.weekday')} ${index + 1}`}
              value={window.weekday}
              onChange={(event) => set(index, { ...window, weekday: Number(event.target.value) })}
            >
              {WEEKDAYS_FROM_MONDAY.map((weekday) => (
                <option key={weekday} value={weekday}>
                  {t(`schedule.weekdays.${weekday}`)}
                </option>
              ))}
            </select>
            <TimeInput
              label={`${t('schedule.from')} ${index + 1}`}
              value={window.from}
              onChange={(from) => set(index, { ...window, from })}
            />
            <TimeInput
              label={`${t('schedule.to')} ${index + 1}`}
              value={window.to}
              onChange={(to) => set(index, { ...window, to })}
            />
            <RemoveButton
              label={t('schedule.removeRow', { row: index + 1 })}
              onClick={() => onChange({ ...draft, weekly: without(draft.weekly, index) })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => onChange({ ...draft, weekly: [...draft.weekly, NEW_WEEKLY_WINDOW] })}
      >
        {t('schedule.addWindow')}
      </button>
    </fieldset>
  );
}

export function HolidayRows(props: { draft: ScheduleDraft; onChange: Change }) {
  const { t } = useTranslation('botSwitch');
  const { draft, onChange } = props;
  return (
    <fieldset>
      <legend>{t('schedule.holidaysTitle')}</legend>
      <ol className="bot-schedule-rows">
        {draft.holidays.map((holiday, index) => (
          <li key={index}>
            <input
              type="date"
              aria-label={`${t('schedule.holiday')} ${index + 1}`}
              value={holiday}
              onChange={(event) =>
                onChange({
                  ...draft,
                  holidays: replaced(draft.holidays, index, event.target.value),
                })
              }
            />
            <RemoveButton
              label={`${t('schedule.remove')}: ${t('schedule.holiday')} ${index + 1}`}
              onClick={() => onChange({ ...draft, holidays: without(draft.holidays, index) })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => onChange({ ...draft, holidays: [...draft.holidays, ''] })}
      >
        {t('schedule.addHoliday')}
      </button>
    </fieldset>
  );
}

export function ExceptionRows(props: { draft: ScheduleDraft; onChange: Change }) {
  const { t } = useTranslation('botSwitch');
  const { draft, onChange } = props;
  const set = (index: number, exception: ScheduleDraft['exceptions'][number]) =>
    onChange({ ...draft, exceptions: replaced(draft.exceptions, index, exception) });
  return (
    <fieldset>
      <legend>{t('schedule.exceptionsTitle')}</legend>
      <ol className="bot-schedule-rows">
        {draft.exceptions.map((exception, index) => (
          <li key={index}>
            <input
              type="date"
              aria-label={`${t('schedule.date')} ${index + 1}`}
              value={exception.date}
              onChange={(event) => set(index, { ...exception, date: event.target.value })}
            />
            <TimeInput
              label={`${t('schedule.date')} ${index + 1} ${t('schedule.from')}`}
              value={exception.from}
              onChange={(from) => set(index, { ...exception, from })}
            />
            <TimeInput
              label={`${t('schedule.date')} ${index + 1} ${t('schedule.to')}`}
              value={exception.to}
              onChange={(to) => set(index, { ...exception, to })}
            />
            <label>
              <input
                type="checkbox"
                checked={exception.botAnswers}
                onChange={(event) => set(index, { ...exception, botAnswers: event.target.checked })}
              />
              {t('schedule.exceptionAnswers')}
            </label>
            <RemoveButton
              label={`${t('schedule.remove')}: ${t('schedule.date')} ${index + 1}`}
              onClick={() => onChange({ ...draft, exceptions: without(draft.exceptions, index) })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          onChange({
            ...draft,
            exceptions: [
              ...draft.exceptions,
              { date: '', from: '00:00', to: '24:00', botAnswers: false },
            ],
          })
        }
      >
        {t('schedule.addException')}
      </button>
    </fieldset>
  );
}
