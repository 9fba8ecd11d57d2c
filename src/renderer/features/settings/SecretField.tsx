import { useTranslation } from 'react-i18next';
import type { SecretDraft } from './settingsDraft';
import { fieldId } from './TextField';

export interface SecretFieldProps {
  fieldKey: string;
  label: string;
  /** Whether the host holds a value (the value itself never reaches the page). */
  isSet: boolean;
  draft: SecretDraft;
  onChange(draft: SecretDraft): void;
  onBlur(): void;
  errorKey?: string;
}

/**
 * A write-only secret: shows "set" / "not set", takes a new value, or marks the stored one for
 * removal. The input starts empty and is emptied again after saving.
 */
export function SecretField(props: SecretFieldProps) {
  const { t } = useTranslation('settings');
  const id = fieldId(props.fieldKey);
  const stateKey = props.draft.clear
    ? 'secret.willBeRemoved'
    : props.draft.value !== ''
      ? 'secret.willBeReplaced'
      : props.isSet
        ? 'secret.set'
        : 'secret.notSet';
  return (
    <div className={`form-row${props.errorKey ? ' form-row-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <div className="form-control">
        <div className="secret-input">
          <input
            id={id}
            name={props.fieldKey}
            type="password"
            autoComplete="new-password"
            value={props.draft.value}
            disabled={props.draft.clear}
            placeholder={props.isSet ? t('secret.placeholderSet') : t('secret.placeholderNotSet')}
            aria-invalid={props.errorKey ? true : undefined}
            aria-describedby={`${id}-state${props.errorKey ? ` ${id}-error` : ''}`}
            onChange={(event) => props.onChange({ value: event.target.value, clear: false })}
            onBlur={props.onBlur}
          />
          {props.isSet && (
            <button
              type="button"
              className="secondary"
              aria-pressed={props.draft.clear}
              onClick={() => props.onChange({ value: '', clear: !props.draft.clear })}
            >
              {props.draft.clear ? t('secret.keep') : t('secret.remove')}
            </button>
          )}
        </div>
        <p
          id={`${id}-state`}
          className={`secret-state${props.isSet ? ' secret-state-set' : ''}`}
          data-secret-state={props.fieldKey}
        >
          {t(stateKey)}
        </p>
        {props.errorKey && (
          <p id={`${id}-error`} className="form-error" data-field-error={props.fieldKey}>
            {t(props.errorKey)}
          </p>
        )}
      </div>
    </div>
  );
}
