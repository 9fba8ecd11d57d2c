/**
 * Runs every case of `webSocketFuzzCases` against one server, each on its own connection, and
 * reports which connections the server failed to close where the protocol says it must.
 */
import {
  sendFuzzCase,
  webSocketFuzzCases,
  type FuzzConnection,
  type WebSocketTarget,
} from './webSocketFrameFuzz';

/** How long a protocol error may take to close the connection before it counts as not closed. */
const CLOSE_GRACE_MILLISECONDS = 10_000;

export interface WebSocketFuzzReport {
  readonly cases: number;
  readonly closedByServer: number;
  /** Names of cases whose connection the server left open although it had to close it. */
  readonly notClosed: string[];
  /** Ends the connections that are legitimately still open (slow-loris, partial frames). */
  destroyOpen(): void;
}

export async function runWebSocketFuzz(
  target: WebSocketTarget,
  maximumPayloadBytes: number,
): Promise<WebSocketFuzzReport> {
  const connections: FuzzConnection[] = [];
  for (const fuzzCase of webSocketFuzzCases(maximumPayloadBytes)) {
    connections.push(await sendFuzzCase(target, fuzzCase));
  }
  const notClosed: string[] = [];
  let closedByServer = 0;
  await Promise.all(
    connections.map(async (connection) => {
      if (!connection.fuzzCase.serverCloses) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const closed = await Promise.race([
        connection.closed.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), CLOSE_GRACE_MILLISECONDS);
        }),
      ]);
      clearTimeout(timer);
      if (closed) closedByServer += 1;
      else notClosed.push(connection.fuzzCase.name);
    }),
  );
  return {
    cases: connections.length,
    closedByServer,
    notClosed,
    destroyOpen: () => connections.forEach((connection) => connection.socket.destroy()),
  };
}
