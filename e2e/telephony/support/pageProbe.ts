/**
 * Test-only instrumentation injected with `context.addInitScript` (Playwright injects it before
 * any page script, outside the page's CSP), so the app needs no test hook of its own:
 *
 * - every RTCPeerConnection is kept, so specs read WebRTC stats (packets, audio energy);
 * - the first unmute of each remote track (= first RTP packet) is time-stamped;
 * - SIP messages sent and received over WebSockets are logged by first line and CSeq method;
 * - clicks on `[data-action]` buttons and changes of `data-health` / `data-presence` are logged.
 *
 * Times: `at` is `performance.now()` (ms since navigation start), `wall` is `Date.now()`.
 * Plain JavaScript strings: the e2e folder is compiled without DOM types.
 */
import type { Page } from '@playwright/test';

export const PAGE_PROBE_SCRIPT = `(() => {
  const probe = { peerConnections: [], events: [] };
  Object.defineProperty(window, '__empfangProbe', { value: probe });
  const log = (event) => probe.events.push({ ...event, at: performance.now(), wall: Date.now() });
  const OriginalPeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends OriginalPeerConnection {
    constructor(...args) {
      super(...args);
      const index = probe.peerConnections.push(this) - 1;
      this.addEventListener('track', (event) => {
        event.track.addEventListener('unmute', () => log({ type: 'remote-media', pc: index }), { once: true });
      });
    }
  };
  const describe = (data) => {
    if (typeof data !== 'string') return undefined;
    const line = data.slice(0, Math.max(0, data.indexOf('\\r\\n')));
    const cseq = /\\r\\nCSeq:\\s*\\d+\\s+([A-Z]+)/i.exec(data);
    return { line, method: cseq ? cseq[1] : '' };
  };
  const originalSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    const sip = describe(data);
    if (sip) log({ type: 'sip-sent', ...sip });
    return originalSend.call(this, data);
  };
  const OriginalWebSocket = window.WebSocket;
  window.WebSocket = class extends OriginalWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const sip = describe(event.data);
        if (sip) log({ type: 'sip-received', ...sip });
      });
    }
  };
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (target) log({ type: 'click', action: target.getAttribute('data-action') });
  }, true);
  new MutationObserver((records) => {
    for (const record of records) {
      const name = record.attributeName;
      if (name) log({ type: name.replace('data-', ''), value: record.target.getAttribute(name) });
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-health', 'data-presence'] });
})();`;

export interface ProbeEvent {
  type: string;
  at: number;
  wall: number;
  line?: string;
  method?: string;
  action?: string;
  value?: string;
  pc?: number;
}

export interface AudioStats {
  state: string;
  packetsReceived: number;
  packetsSent: number;
  /** Sum of audioLevel² × duration of what was played (RTCInboundRtpStreamStats). */
  energyReceived: number;
}

export function probeEvents(page: Page): Promise<ProbeEvent[]> {
  return page.evaluate('window.__empfangProbe.events.slice()') as Promise<ProbeEvent[]>;
}

/** Audio stats of every peer connection the page created, in creation order. */
export function audioStats(page: Page): Promise<AudioStats[]> {
  return page.evaluate(`(async () => {
    const result = [];
    for (const pc of window.__empfangProbe.peerConnections) {
      const entry = { state: pc.connectionState, packetsReceived: 0, packetsSent: 0, energyReceived: 0 };
      if (pc.connectionState !== 'closed') {
        const report = await pc.getStats();
        report.forEach((stat) => {
          if (stat.kind !== 'audio' && stat.mediaType !== 'audio') return;
          if (stat.type === 'inbound-rtp') {
            entry.packetsReceived += stat.packetsReceived || 0;
            entry.energyReceived += stat.totalAudioEnergy || 0;
          } else if (stat.type === 'outbound-rtp') {
            entry.packetsSent += stat.packetsSent || 0;
          }
        });
      }
      result.push(entry);
    }
    return result;
  })()`) as Promise<AudioStats[]>;
}

export interface AudioFlow {
  packetsReceived: number;
  packetsSent: number;
  energyReceived: number;
}

/** How much audio flowed on one peer connection during `milliseconds`. */
export async function measureFlow(
  page: Page,
  milliseconds = 1_500,
  peerConnection = -1,
): Promise<AudioFlow> {
  const pick = (stats: AudioStats[]) =>
    stats.at(peerConnection) ?? { packetsReceived: 0, packetsSent: 0, energyReceived: 0 };
  const before = pick(await audioStats(page));
  await page.waitForTimeout(milliseconds);
  const after = pick(await audioStats(page));
  return {
    packetsReceived: after.packetsReceived - before.packetsReceived,
    packetsSent: after.packetsSent - before.packetsSent,
    energyReceived: after.energyReceived - before.energyReceived,
  };
}
