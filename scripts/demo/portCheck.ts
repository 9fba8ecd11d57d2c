/** Which of the given TCP ports on 127.0.0.1 something already listens on. */
import { createServer } from 'node:net';

export async function busyPorts(ports: readonly number[], host = '127.0.0.1'): Promise<number[]> {
  const busy: number[] = [];
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, host, () => server.close(() => resolve(true)));
    });
    if (!free) busy.push(port);
  }
  return busy;
}
