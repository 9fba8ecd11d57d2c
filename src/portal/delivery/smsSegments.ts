/**
 * SMS segment counting as the service bills it: one SMS holds at most 160 characters, a longer
 * text takes several (see the service terms in shared/seeds: "max. je 160 Zeichen"). Counted in
 * Unicode code points; the gateway decides the actual encoding on the air.
 */
export const SMS_SEGMENT_CHARACTERS = 160;

export function countSmsSegments(text: string): number {
  return Math.max(1, Math.ceil([...text].length / SMS_SEGMENT_CHARACTERS));
}
