/**
 * The lab voicebot's media: one UDP socket per call sending G.711 µ-law RTP every 20 ms
 * (speech when there is some to play, digital silence otherwise, as phones do) and handing
 * received PCMU payloads to a listener at once. Caller audio is never stored here (SECURITY.md
 * rule 8): each payload goes to the listener and is dropped.
 */
import { randomInt } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { MU_LAW_SILENCE } from './g711';
import {
  PCMU_PAYLOAD_TYPE,
  PCMU_SAMPLES_PER_PACKET,
  buildRtpPacket,
  parseRtpPacket,
} from './rtpPacket';

const PACKET_MILLISECONDS = 20;
/** After a stall (a busy machine) at most this many packets are sent at once to catch up. */
const MAXIMUM_CATCH_UP_PACKETS = 5;

interface Playback {
  readonly audio: Uint8Array;
  offset: number;
  readonly done: (completed: boolean) => void;
}

export interface RtpCounters {
  packetsSent: number;
  packetsReceived: number;
  /** Received packets whose payload was not PCMU (telephone-event, comfort noise …). */
  otherPayloads: number;
}

export class RtpSession {
  readonly counters: RtpCounters = { packetsSent: 0, packetsReceived: 0, otherPayloads: 0 };
  private remote: { address: string; port: number } | undefined;
  private readonly queue: Playback[] = [];
  private sequenceNumber = randomInt(0, 0xffff);
  private timestamp = randomInt(0, 0x7fffffff);
  private readonly ssrc = randomInt(1, 0x7fffffff);
  private clock: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private packetsDue = 0;
  private listener: ((payload: Uint8Array) => void) | undefined;
  private firstPacket = true;

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (data) => this.receive(data));
  }

  static async open(host: string): Promise<RtpSession> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, host, () => resolve());
    });
    return new RtpSession(socket, socket.address().port);
  }

  /** Where to send; starts the 20 ms clock on the first call. */
  setRemote(address: string, port: number): void {
    this.remote = { address, port };
    if (this.clock) return;
    this.startedAt = Date.now();
    this.clock = setInterval(() => this.tick(), PACKET_MILLISECONDS / 2);
  }

  onAudio(listener: (payload: Uint8Array) => void): void {
    this.listener = listener;
  }

  /** Queues µ-law audio; resolves true when played out, false when cut off by `stopPlayback`. */
  play(audio: Uint8Array): Promise<boolean> {
    return new Promise((done) => this.queue.push({ audio, offset: 0, done }));
  }

  stopPlayback(): void {
    for (const playback of this.queue.splice(0)) playback.done(false);
  }

  close(): void {
    clearInterval(this.clock);
    this.stopPlayback();
    this.listener = undefined;
    this.socket.close();
  }

  private tick(): void {
    const due = Math.floor((Date.now() - this.startedAt) / PACKET_MILLISECONDS);
    let count = due - this.packetsDue;
    if (count > MAXIMUM_CATCH_UP_PACKETS) {
      this.packetsDue = due - MAXIMUM_CATCH_UP_PACKETS;
      count = MAXIMUM_CATCH_UP_PACKETS;
    }
    for (let index = 0; index < count; index += 1) this.sendPacket();
    this.packetsDue += Math.max(0, count);
  }

  private sendPacket(): void {
    const payload = new Uint8Array(PCMU_SAMPLES_PER_PACKET).fill(MU_LAW_SILENCE);
    const current = this.queue[0];
    if (current) {
      const chunk = current.audio.subarray(current.offset, current.offset + payload.length);
      payload.set(chunk);
      current.offset += chunk.length;
      if (current.offset >= current.audio.length) {
        this.queue.shift();
        current.done(true);
      }
    }
    const packet = buildRtpPacket({
      payloadType: PCMU_PAYLOAD_TYPE,
      marker: this.firstPacket,
      sequenceNumber: this.sequenceNumber,
      timestamp: this.timestamp,
      ssrc: this.ssrc,
      payload,
    });
    this.firstPacket = false;
    this.sequenceNumber = (this.sequenceNumber + 1) & 0xffff;
    this.timestamp = (this.timestamp + PCMU_SAMPLES_PER_PACKET) >>> 0;
    if (this.remote) {
      this.socket.send(packet, this.remote.port, this.remote.address);
      this.counters.packetsSent += 1;
    }
  }

  private receive(data: Buffer): void {
    const packet = parseRtpPacket(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (!packet) return;
    this.counters.packetsReceived += 1;
    if (packet.payloadType !== PCMU_PAYLOAD_TYPE) {
      this.counters.otherPayloads += 1;
      return;
    }
    this.listener?.(packet.payload);
  }
}
