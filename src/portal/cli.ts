/**
 * Command line of the reference portal:
 *   npx tsx src/portal/cli.ts serve        [--database PATH|URL] [--host H] [--port N]
 *   npx tsx src/portal/cli.ts migrate      [--database PATH|URL]
 *   npx tsx src/portal/cli.ts seed-demo    [--database PATH|URL]
 *   npx tsx src/portal/cli.ts create-user  --user-name NAME --role ROLE [--display-name TEXT]
 *                                          [--clients ID,ID] [--database PATH|URL]
 *     (password from EMPFANG_NEW_USER_PASSWORD, else the first line on standard input)
 * Environment variables: see README.md, "Configuration".
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DEFAULT_SCRYPT_COST } from './auth/passwordHashing';
import { configurationFrom } from './cliConfiguration';
import { openDatabase } from './database/createDatabase';
import { seedDemo } from './demo/seedDemo';
import { appendAudit } from './domain/auditLog';
import { createUser, findUserRowByName } from './domain/userStore';
import { CreateUserRequestSchema } from '../shared/portalWire/authSchemas';
import { startPortal } from './startPortal';

const USAGE = `Usage: npx tsx src/portal/cli.ts COMMAND [options]

Commands:
  serve        [--database PATH|URL] [--host H] [--port N]   run the portal
  migrate      [--database PATH|URL]                         create or upgrade the database
  seed-demo    [--database PATH|URL]                         demo clients and users (lab only)
  create-user  --user-name NAME --role ROLE [--display-name TEXT] [--clients ID,ID]
               [--database PATH|URL]
               password from EMPFANG_NEW_USER_PASSWORD, else the first line on standard input

Options:
  -h, --help   print this text

Environment variables: see src/portal/README.md, "Configuration".`;

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        database: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'user-name': { type: 'string' },
        'display-name': { type: 'string' },
        role: { type: 'string' },
        clients: { type: 'string' },
      },
    });
  } catch (error) {
    // An unknown or incomplete option: say which, show the usage, no stack trace.
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { positionals, values } = readArguments();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const flags = {
  ...(values.database ? { database: values.database } : {}),
  ...(values.host ? { host: values.host } : {}),
  ...(values.port ? { port: values.port } : {}),
};
const configuration = configurationFrom(flags, process.env);

async function serve(): Promise<void> {
  if (configuration.ephemeralSecret) {
    console.warn(
      'EMPFANG_PORTAL_TOKEN_SECRET is not set: using a random secret; logins end at restart.',
    );
  }
  const portal = await startPortal(configuration.options);
  console.log(`Portal listening on ${portal.url} (database: ${portal.context.databaseKind})`);
  const stop = async () => {
    await portal.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function withDatabase<T>(
  work: (opened: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const opened = await openDatabase(configuration.options.database);
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

async function readPassword(): Promise<string> {
  if (process.env.EMPFANG_NEW_USER_PASSWORD) return process.env.EMPFANG_NEW_USER_PASSWORD;
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function createUserCommand(): Promise<void> {
  const parsed = CreateUserRequestSchema.safeParse({
    userName: values['user-name'],
    displayName: values['display-name'] ?? values['user-name'],
    role: values.role,
    password: await readPassword(),
    clientIds: (values.clients ?? '').split(',').filter(Boolean),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`${issue.path.join('.')}: ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  await withDatabase(async ({ database }) => {
    if (await findUserRowByName(database, parsed.data.userName))
      throw new Error('User name is taken');
    const at = new Date().toISOString();
    const user = await createUser(database, parsed.data, DEFAULT_SCRYPT_COST, at);
    await appendAudit(database, {
      at,
      actorUserId: null,
      action: 'user.created',
      clientId: null,
      targetType: 'user',
      targetId: user.id,
      details: { role: user.role, clientCount: user.clientIds.length, via: 'cli' },
    });
    console.log(`Created ${user.role} ${user.userName} (${user.id})`);
  });
}

async function main(): Promise<void> {
  switch (positionals[0]) {
    case 'serve':
      return serve();
    case 'migrate':
      return withDatabase(async (opened) => {
        console.log(
          opened.appliedMigrations.length > 0
            ? `Applied: ${opened.appliedMigrations.join(', ')}`
            : 'Database is up to date',
        );
      });
    case 'seed-demo':
      return withDatabase(async ({ database }) => {
        const summary = await seedDemo(database, DEFAULT_SCRYPT_COST, Date.now);
        console.log(
          `Clients saved: ${summary.clientsSaved.join(', ') || '-'}; skipped (line taken): ${summary.clientsSkipped.join(', ') || '-'}`,
        );
        console.log(
          `Users created: ${summary.usersCreated.join(', ') || '-'}; kept: ${summary.usersKept.join(', ') || '-'}`,
        );
      });
    case 'create-user':
      return createUserCommand();
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  // The message only: a stack could show SQL values.
  console.error(`Failed: ${(error as Error)?.message ?? 'unknown error'}`);
  process.exitCode = 1;
});
