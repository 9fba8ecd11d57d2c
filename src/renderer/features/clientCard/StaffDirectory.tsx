/**
 * The client's staff with presence, absence notes and callback windows. During a call one click
 * transfers the caller: blind ("transfer now") or attended ("consult first", then "connect").
 * Between calls, where the host offers `onCall` (the directory), one click calls the person.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../shared/domain/clientProfile';
import { plainLine } from './plainText';

/** What the softphone offers the card for the current call. */
export interface StaffTransfer {
  /** A connected call exists that can be transferred. */
  available: boolean;
  /** A consultation (attended transfer) is running. */
  consulting: boolean;
  blind(target: string): Promise<boolean>;
  startAttended(target: string): Promise<boolean>;
  completeAttended(): Promise<boolean>;
}

type Notice = { key: 'transferStarted' | 'transferFailed' | 'consulting'; name: string };

export function StaffDirectory({
  staff,
  transfer,
  onCall,
}: {
  staff: readonly StaffMember[];
  transfer?: StaffTransfer;
  /** Click-to-call between calls; absent (the card during a call) = no call buttons. */
  onCall?: (member: StaffMember) => void;
}) {
  const { t } = useTranslation('clientCard');
  // Several directories can be on one page (the directory area): ids must stay unique.
  const headingId = useId();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const canTransfer = !!transfer?.available && !busy;

  const run = async (
    name: string,
    action: () => Promise<boolean>,
    success: Notice['key'],
  ): Promise<void> => {
    setBusy(true);
    setNotice({ key: 'transferStarted', name });
    const done = await action().catch(() => false);
    setBusy(false);
    setNotice({ key: done ? success : 'transferFailed', name });
  };

  return (
    <section aria-labelledby={headingId} className="client-card-staff">
      <h3 id={headingId}>{t('staff.title')}</h3>
      {!transfer?.available && !onCall ? (
        <p className="client-card-hint">{t('staff.noCall')}</p>
      ) : null}
      {notice ? (
        <p role="status" className="client-card-hint">
          {t(`staff.${notice.key}`, { name: notice.name })}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.function')}</th>
            <th scope="col">{t('staff.presence')}</th>
            <th scope="col">{t('staff.callback')}</th>
            <th scope="col">{t('staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => {
            const name = plainLine(member.name, 120);
            return (
              <tr key={member.id} data-staff-id={member.id}>
                <th scope="row">{name}</th>
                <td>{plainLine(member.function, 120)}</td>
                <td>
                  <span className={`staff-presence staff-presence-${member.presence}`}>
                    {t(`staff.presenceValues.${member.presence}`)}
                  </span>
                  {member.absenceNote ? (
                    <span className="staff-absence"> – {plainLine(member.absenceNote, 300)}</span>
                  ) : null}
                </td>
                <td>{member.callbackWindows.map((window) => plainLine(window, 100)).join('; ')}</td>
                <td className="staff-actions">
                  {onCall && !transfer?.available ? (
                    <button
                      type="button"
                      aria-label={`${t('staff.call')}: ${name}`}
                      onClick={() => onCall(member)}
                    >
                      {t('staff.call')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    hidden={!!onCall && !transfer?.available}
                    disabled={!canTransfer || transfer?.consulting}
                    aria-label={`${t('staff.blind')}: ${name}`}
                    onClick={() =>
                      void run(
                        name,
                        () => transfer!.blind(member.transferTarget),
                        'transferStarted',
                      )
                    }
                  >
                    {t('staff.blind')}
                  </button>
                  <button
                    type="button"
                    hidden={!!onCall && !transfer?.available}
                    disabled={!canTransfer || transfer?.consulting}
                    aria-label={`${t('staff.attended')}: ${name}`}
                    onClick={() =>
                      void run(
                        name,
                        () => transfer!.startAttended(member.transferTarget),
                        'consulting',
                      )
                    }
                  >
                    {t('staff.attended')}
                  </button>
                  {transfer?.consulting && notice?.key === 'consulting' && notice.name === name ? (
                    <button
                      type="button"
                      className="primary"
                      onClick={() =>
                        void run(name, () => transfer.completeAttended(), 'transferStarted')
                      }
                    >
                      {t('staff.complete')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
