import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** DOM id of a settings field, derived from its field key (`sip.uri` → `settings-sip-uri`). */
export function fieldId(fieldKey: string): string {
  return `settings-${fieldKey.replace(/\./g, '-')}`;
}

export interface TextFieldProps {
  fieldKey: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  /** i18n key of the error to show, if any. */
  errorKey?: string;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'url';
  multiline?: boolean;
  autoComplete?: string;
  children?: ReactNode;
}

/** A labelled input with its hint and error wired up for screen readers. */
export function TextField(props: TextFieldProps) {
  const { t } = useTranslation('settings');
  const id = fieldId(props.fieldKey);
  const describedBy = [props.hint && `${id}-hint`, props.errorKey && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  const shared = {
    id,
    name: props.fieldKey,
    value: props.value,
    placeholder: props.placeholder,
    'aria-invalid': props.errorKey ? true : undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: props.onBlur,
    spellCheck: false,
  };
  return (
    <div className={`form-row${props.errorKey ? ' form-row-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <div className="form-control">
        {props.multiline ? (
          <textarea {...shared} rows={3} onChange={(event) => props.onChange(event.target.value)} />
        ) : (
          <input
            {...shared}
            type={props.type ?? 'text'}
            autoComplete={props.autoComplete ?? 'off'}
            onChange={(event) => props.onChange(event.target.value)}
          />
        )}
        {props.hint && (
          <p id={`${id}-hint`} className="form-hint">
            {props.hint}
          </p>
        )}
        {props.errorKey && (
          <p id={`${id}-error`} className="form-error" data-field-error={props.fieldKey}>
            {t(props.errorKey)}
          </p>
        )}
        {props.children}
      </div>
    </div>
  );
}
