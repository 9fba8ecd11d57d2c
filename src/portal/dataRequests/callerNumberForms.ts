/**
 * The spellings under which one caller number can sit in the call log. Calls store the number as
 * the desk or SIP header gave it (`+491511234567`, `00491511234567`, `01511234567`), so a lookup
 * asks for each form through the index instead of normalising every row.
 */
import { HOME_COUNTRY_CODE } from '../../shared/domain/phoneNumber';

/** `e164` must already be E.164 (`+…`). */
export function callerNumberForms(e164: string): string[] {
  const digits = e164.slice(1);
  const forms = new Set([e164, digits, `00${digits}`]);
  if (digits.startsWith(HOME_COUNTRY_CODE)) forms.add(`0${digits.slice(HOME_COUNTRY_CODE.length)}`);
  return [...forms];
}
