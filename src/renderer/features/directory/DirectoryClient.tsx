/**
 * One client in the directory: name, lines (whether the bot answers each, live; click-to-call
 * between calls), hours now, staff with
 * presence and callback windows (the client card's `StaffDirectory`: transfer during a call,
 * call between calls) and approved texts. Shows what the search matched; a client matched by
 * name or line is shown whole. Portal text is rendered as text only.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile, StaffMember } from '../../../shared/domain/clientProfile';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { BotAnswersIndicator } from '../botSwitch/BotAnswersIndicator';
import { OpeningHoursSummary } from '../clientCard/OpeningHoursSummary';
import { plainLine, plainLines } from '../clientCard/plainText';
import { StaffDirectory, type StaffTransfer } from '../clientCard/StaffDirectory';
import type { DirectoryMatch } from './directoryIndex';

/** Matched texts shown open; more than this would push the next client off the screen. */
const OPEN_TEXTS = 3;

export function DirectoryClient({
  profile,
  match,
  now,
  transfer,
  onCall,
}: {
  profile: ClientProfile;
  match: DirectoryMatch;
  now: Date;
  transfer: StaffTransfer;
  onCall: (target: string) => void;
}) {
  const { t } = useTranslation('directory');
  const headingId = useId();
  const staffIds = new Set(match.staffIds);
  const staff: StaffMember[] = match.whole
    ? profile.staff
    : profile.staff.filter((member) => staffIds.has(member.id));
  const textIds = new Set(match.textIds);
  const texts = profile.approvedTexts.filter((text) => textIds.has(text.id));
  return (
    <article
      className="directory-client"
      aria-labelledby={headingId}
      data-testid="directory-client"
      data-client-id={profile.id}
    >
      <header className="directory-client-header">
        <h2 id={headingId}>{plainLine(profile.name, 200)}</h2>
        <span className="form-hint">{t('staffCount', { count: profile.staff.length })}</span>
      </header>
      <div className="directory-client-facts">
        <section aria-label={t('lines')}>
          <h3>{t('lines')}</h3>
          <ul className="directory-lines">
            {profile.lines.map((line) => {
              const shown = displayPhoneNumber(line) ?? line;
              return (
                <li key={line}>
                  <span className="directory-number">{shown}</span>{' '}
                  <BotAnswersIndicator line={line} />
                  {!transfer.available ? (
                    <button
                      type="button"
                      aria-label={t('callLine', { line: shown })}
                      onClick={() => onCall(line)}
                    >
                      {t('clientCard:staff.call')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-label={t('hours')}>
          <h3>{t('hours')}</h3>
          <OpeningHoursSummary openingHours={profile.openingHours} now={now} />
        </section>
      </div>
      {staff.length > 0 ? (
        <StaffDirectory
          staff={staff}
          transfer={transfer}
          onCall={(member) => onCall(member.transferTarget)}
        />
      ) : null}
      {match.whole ? (
        <details className="directory-texts">
          <summary>{t('texts', { count: profile.approvedTexts.length })}</summary>
          <ul>
            {profile.approvedTexts.map((text) => (
              <li key={text.id}>{plainLine(text.title, 200)}</li>
            ))}
          </ul>
        </details>
      ) : texts.length > 0 ? (
        <section className="directory-texts" aria-label={t('matchedTexts')}>
          <h3>{t('matchedTexts')}</h3>
          <ul>
            {texts.slice(0, OPEN_TEXTS).map((text) => (
              <li key={text.id} data-approved-text-id={text.id}>
                <strong>{plainLine(text.title, 200)}</strong>
                <p className="client-card-multiline">{plainLines(text.text, 1000, 20)}</p>
              </li>
            ))}
          </ul>
          {texts.length > OPEN_TEXTS ? (
            <p className="form-hint">{t('moreTexts', { count: texts.length - OPEN_TEXTS })}</p>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
