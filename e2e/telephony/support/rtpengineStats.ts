/**
 * Reads what rtpengine relayed for a call from its log ("Final packet stats" when the call is
 * deleted): the RTP packet count of each leg, RTCP excluded. Proves media reached the far end
 * when the far end is SIPp, whose reception cannot be read from a browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { labRunDirectory } from '../../support/lab';

/** The Call-ID of the first message SIPp logged in its work directory. */
export function sippCallId(workDirectory: string): string | undefined {
  try {
    const messages = readFileSync(path.join(workDirectory, 'messages.log'), 'utf8');
    return /^Call-ID:\s*(\S+)/im.exec(messages)?.[1];
  } catch {
    return undefined;
  }
}

/** RTP packets per leg that rtpengine relayed for `callId` (empty until the call ended). */
export function relayedPackets(callId: string): number[] {
  let log = '';
  try {
    log = readFileSync(path.join(labRunDirectory(), 'rtpengine.log'), 'utf8');
  } catch {
    return [];
  }
  return log
    .split('\n')
    .filter((line) => line.includes(`[${callId}`) && line.includes('--------- Port'))
    .filter((line) => !line.includes('(RTCP)'))
    .map((line) => Number(/SSRC [^,]*, (\d+) p,/.exec(line)?.[1] ?? 'NaN'))
    .filter((count) => Number.isFinite(count));
}
