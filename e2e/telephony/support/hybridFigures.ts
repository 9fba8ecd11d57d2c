/**
 * Annotation types under which e2e/telephony/hybridTakeover.spec.ts records its figures, read
 * by scripts/benchmarkHybrid.ts (one place, so the two cannot drift apart).
 */
export const ACCEPT_TO_AUDIO = 'hybrid accept → first caller audio (ms)';
export const BOT_EVENT_TO_DESK = 'hybrid bot event → desk (ms)';
