/**
 * A protocol-level fuzz of a WebSocket server over raw TCP (RFC 6455 frames written by hand), so
 * it can send what no WebSocket library would: reserved opcodes, unmasked frames, oversized
 * lengths, invalid UTF-8, fragmented control frames, broken handshakes and slow-loris upgrades.
 * Used by the tests of both WebSocket servers of the project (the portal's `/events` and the
 * desk's web shell host), so both face the same cases.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { seededRandom } from './seededRandom';

/** Where and how to upgrade: the path (with query) and extra headers such as `Origin`. */
export interface WebSocketTarget {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FuzzCase {
  readonly name: string;
  /** Bytes sent after a successful upgrade (absent: the case is about the handshake). */
  readonly frames?: Buffer;
  /** A raw request instead of the normal upgrade request. */
  readonly handshake?: (target: WebSocketTarget) => string;
  /** True when the server must close this connection by itself (a protocol error). */
  readonly serverCloses: boolean;
}

const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9 } as const;

/** One frame; `mask: false` writes a client frame without the mandatory mask. */
export function frame(options: {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  mask?: boolean;
  rsv?: number;
  /** Claimed payload length, when it must differ from the payload's real length. */
  length?: bigint;
}): Buffer {
  const payload = options.payload ?? Buffer.alloc(0);
  const masked = options.mask ?? true;
  const length = options.length ?? BigInt(payload.length);
  const first = ((options.fin ?? true) ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | options.opcode;
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, maskBit | Number(length)]);
  else if (length < 65_536n) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8(maskBit | 126, 1);
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8(maskBit | 127, 1);
    header.writeBigUInt64BE(length, 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload.map((byte, index) => byte ^ key[index % 4]!));
  return Buffer.concat([header, key, body]);
}

function upgradeRequest(target: WebSocketTarget, overrides: Record<string, string> = {}): string {
  const headers: Record<string, string> = {
    Host: `${target.host}:${target.port}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': '13',
    ...target.headers,
    ...overrides,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `GET ${target.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

const text = (value: string) => Buffer.from(value, 'utf8');

/** Deterministic malformed frames and handshakes; `seed` adds reproducible random frames. */
export function webSocketFuzzCases(maximumPayloadBytes: number, seed = 14): FuzzCase[] {
  const cases: FuzzCase[] = [
    // The probe's six bytes: FIN + reserved opcode 3, masked, empty.
    { name: 'reserved opcode 0x3', frames: Buffer.from('838000000000', 'hex'), serverCloses: true },
    ...[0x4, 0x5, 0x6, 0x7, 0xb, 0xc, 0xd, 0xe, 0xf].map((opcode) => ({
      name: `reserved opcode 0x${opcode.toString(16)}`,
      frames: frame({ opcode, payload: text('x') }),
      serverCloses: true,
    })),
    {
      name: 'unmasked text frame',
      frames: frame({ opcode: OPCODE.text, payload: text('{}'), mask: false }),
      serverCloses: true,
    },
    {
      name: 'reserved bits without an extension',
      frames: frame({ opcode: OPCODE.text, payload: text('{}'), rsv: 0b111 }),
      serverCloses: true,
    },
    {
      name: 'text frame over the size limit',
      frames: frame({ opcode: OPCODE.text, payload: Buffer.alloc(maximumPayloadBytes + 1, 0x61) }),
      serverCloses: true,
    },
    {
      name: 'claimed length one byte over the limit, no payload',
      frames: frame({ opcode: OPCODE.binary, length: BigInt(maximumPayloadBytes + 1) }),
      serverCloses: true,
    },
    {
      name: 'claimed 64-bit length of 2^53',
      frames: frame({ opcode: OPCODE.binary, length: 2n ** 53n }),
      serverCloses: true,
    },
    {
      name: '64-bit length with the top bit set',
      frames: frame({ opcode: OPCODE.binary, length: 2n ** 63n + 5n }),
      serverCloses: true,
    },
    {
      name: 'invalid UTF-8 in a text frame',
      frames: frame({ opcode: OPCODE.text, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }),
      serverCloses: true,
    },
    {
      name: 'overlong UTF-8 encoding',
      frames: frame({ opcode: OPCODE.text, payload: Buffer.from([0xc0, 0xaf]) }),
      serverCloses: true,
    },
    {
      name: 'UTF-8 split over fragments, second half invalid',
      frames: Buffer.concat([
        frame({ opcode: OPCODE.text, payload: Buffer.from([0xe2, 0x82]), fin: false }),
        frame({ opcode: OPCODE.continuation, payload: Buffer.from([0x41]) }),
      ]),
      serverCloses: true,
    },
    {
      name: 'fragmented ping (control frames must not be fragmented)',
      frames: frame({ opcode: OPCODE.ping, payload: text('a'), fin: false }),
      serverCloses: true,
    },
    {
      name: 'ping with 126 bytes (control payload limit is 125)',
      frames: frame({ opcode: OPCODE.ping, payload: Buffer.alloc(126, 1) }),
      serverCloses: true,
    },
    {
      name: 'continuation without a first fragment',
      frames: frame({ opcode: OPCODE.continuation, payload: text('x') }),
      serverCloses: true,
    },
    {
      name: 'new text frame inside a fragmented message',
      frames: Buffer.concat([
        frame({ opcode: OPCODE.text, payload: text('a'), fin: false }),
        frame({ opcode: OPCODE.text, payload: text('b') }),
      ]),
      serverCloses: true,
    },
    {
      name: 'fragments summing past the size limit',
      frames: Buffer.concat([
        frame({
          opcode: OPCODE.binary,
          payload: Buffer.alloc(maximumPayloadBytes - 10),
          fin: false,
        }),
        frame({ opcode: OPCODE.continuation, payload: Buffer.alloc(20) }),
      ]),
      serverCloses: true,
    },
    {
      name: 'close frame with a one-byte payload',
      frames: frame({ opcode: OPCODE.close, payload: Buffer.from([0x03]) }),
      serverCloses: true,
    },
    {
      name: 'close frame with an invalid code',
      frames: frame({ opcode: OPCODE.close, payload: Buffer.from([0x03, 0xe7]) }),
      serverCloses: true,
    },
    {
      name: 'close frame with invalid UTF-8 reason',
      frames: frame({ opcode: OPCODE.close, payload: Buffer.from([0x03, 0xe8, 0xff]) }),
      serverCloses: true,
    },
    {
      name: 'wrong WebSocket version',
      handshake: (target) => upgradeRequest(target, { 'Sec-WebSocket-Version': '99' }),
      serverCloses: true,
    },
    {
      name: 'upgrade without a key',
      handshake: (target) => upgradeRequest(target, { 'Sec-WebSocket-Key': '' }),
      serverCloses: true,
    },
    {
      name: 'upgrade with a malformed key',
      handshake: (target) => upgradeRequest(target, { 'Sec-WebSocket-Key': 'short' }),
      serverCloses: true,
    },
    {
      name: 'slow-loris upgrade (headers never finish)',
      handshake: (target) => upgradeRequest(target).slice(0, 40),
      serverCloses: false,
    },
    {
      name: 'slow-loris frame (header of a frame, payload never comes)',
      frames: frame({ opcode: OPCODE.text, payload: text('{"type":"ping"}') }).subarray(0, 4),
      serverCloses: false,
    },
  ];
  const random = seededRandom(seed);
  for (let index = 0; index < 20; index += 1) {
    // Random bytes after a valid header are at worst an incomplete frame; a random first byte
    // with reserved bits or opcode set is a protocol error. Either way the server must survive.
    const bytes = Buffer.from(
      Array.from({ length: 2 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)),
    );
    cases.push({ name: `random bytes #${index}`, frames: bytes, serverCloses: false });
  }
  return cases;
}

/** Opens a raw TCP connection; resolves once it is connected. */
function openRaw(target: WebSocketTarget): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with the bytes received until the end of the HTTP response head. */
function readResponseHead(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) finish();
    };
    const finish = () => {
      socket.off('data', onData);
      socket.off('close', finish);
      resolve(received);
    };
    socket.on('data', onData);
    socket.once('close', finish);
  });
}

export interface FuzzConnection {
  readonly fuzzCase: FuzzCase;
  readonly socket: Socket;
  /** Resolves when the server ended the TCP connection. */
  readonly closed: Promise<void>;
}

/**
 * Sends one case on a fresh connection and returns it still open (or closing): the caller
 * checks that the server closed it where it must, and destroys the rest at the end.
 */
export async function sendFuzzCase(
  target: WebSocketTarget,
  fuzzCase: FuzzCase,
): Promise<FuzzConnection> {
  const socket = await openRaw(target);
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const head = readResponseHead(socket);
  socket.write(fuzzCase.handshake ? fuzzCase.handshake(target) : upgradeRequest(target));
  if (fuzzCase.frames) {
    const response = await head;
    if (!response.startsWith('HTTP/1.1 101')) {
      throw new Error(`Upgrade refused for "${fuzzCase.name}": ${response.split('\r\n')[0]}`);
    }
    socket.write(fuzzCase.frames);
  }
  return { fuzzCase, socket, closed };
}
