/**
 * Confirms a data-request deletion, naming the number and the counts per kind. Modal: focus
 * moves to "Abbrechen" (the safe choice) when it opens, Escape cancels, and focus returns to
 * where it was when it closes.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATA_RECORD_KINDS,
  type DataRequestFindings,
} from '../../../shared/portalWire/dataRequestSchemas';
import { totalFound } from './DataRequestFindings';

export function DeleteConfirmDialog(props: {
  findings: DataRequestFindings;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('dataRequests');
  const cancelButton = useRef<HTMLButtonElement>(null);
  const { findings } = props;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelButton.current?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    props.onCancel();
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog data-request-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="data-request-confirm-title"
        aria-describedby="data-request-confirm-text"
        onKeyDown={onKeyDown}
      >
        <h2 id="data-request-confirm-title">{t('screen.confirmTitle')}</h2>
        <p id="data-request-confirm-text">
          {t('screen.confirmText', { count: totalFound(findings), number: findings.callerNumber })}
        </p>
        <ul className="data-request-confirm-counts">
          {DATA_RECORD_KINDS.filter((kind) => (findings.counts[kind] ?? 0) > 0).map((kind) => (
            <li key={kind} data-kind={kind}>
              {t(`kinds.${kind}`)}: {findings.counts[kind]}
            </li>
          ))}
        </ul>
        <div className="data-request-actions">
          <button type="button" ref={cancelButton} onClick={props.onCancel}>
            {t('screen.cancel')}
          </button>
          <button
            type="button"
            className="data-request-delete"
            aria-disabled={props.pending}
            onClick={() => {
              if (!props.pending) props.onConfirm();
            }}
          >
            {props.pending ? t('screen.deleting') : t('screen.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
