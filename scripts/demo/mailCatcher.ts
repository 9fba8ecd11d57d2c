/**
 * The demo's SMTP catcher: a real SMTP server on 127.0.0.1 (`smtp-server`, as the portal's
 * delivery tests use) that writes every received message as one `.eml` file into a folder, so
 * the e-mails of saved notes can be opened with any mail program or read as text.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  readonly port: number;
  /** Files written so far. */
  readonly caught: () => string[];
  close(): Promise<void>;
}

export async function startMailCatcher(folder: string): Promise<MailCatcher> {
  await mkdir(folder, { recursive: true });
  const caught: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${caught.length + 1}.eml`;
        const path = join(folder, name);
        writeFile(path, Buffer.concat(chunks), { mode: 0o600 }).then(
          () => {
            caught.push(path);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    caught: () => [...caught],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
