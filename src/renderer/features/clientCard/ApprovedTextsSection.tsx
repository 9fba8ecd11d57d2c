/** The client's approved answer texts, searchable with German-aware matching. */
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { createApprovedTextSearch } from './approvedTextSearch';
import { plainLine, plainLines } from './plainText';

export function ApprovedTextsSection({ profile }: { profile: ClientProfile }) {
  const { t } = useTranslation('clientCard');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const search = useMemo(() => createApprovedTextSearch(profile), [profile]);
  const results = useMemo(() => search.search(deferredQuery), [search, deferredQuery]);
  return (
    <section aria-labelledby="client-card-texts" className="client-card-texts">
      <h3 id="client-card-texts">{t('texts.title')}</h3>
      <label className="client-card-search">
        <span>{t('texts.search')}</span>
        <input
          type="search"
          value={query}
          maxLength={200}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <p className="client-card-hint" aria-live="polite">
        {results.length === 0 && query.trim() !== ''
          ? t('texts.none', { query: plainLine(query, 60) })
          : t('texts.count', { shown: results.length, total: profile.approvedTexts.length })}
      </p>
      <ul className="approved-texts">
        {results.map((text) => (
          <li key={text.id} data-approved-text-id={text.id}>
            <details>
              <summary>{plainLine(text.title, 200)}</summary>
              <p className="client-card-multiline">{plainLines(text.text, 1000, 60)}</p>
              {text.tags.length > 0 ? (
                <p className="approved-text-tags">
                  {text.tags.map((tag) => plainLine(tag, 64)).join(' · ')}
                </p>
              ) : null}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
