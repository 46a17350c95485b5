#!/usr/bin/env node
// Command line of the Job Gate sync server:
//   jobgate-sync-server.mjs [serve] [--port 8787] [--host 127.0.0.1] [--database-url URL]
//                           [--seed-account NAME:KEY]... [--log-level info]
//   jobgate-sync-server.mjs create-account --name NAME [--database-url URL]
// serve migrates the database, then prints "listening on http://HOST:PORT" on
// stdout once it accepts requests (logs go to stderr). create-account prints
// the new account's API key alone on stdout; it is not stored and never shown again.
import { parseArgs } from 'node:util';
import { createAccount, parseSeedAccounts } from '../src/accounts.mjs';
import { createPool, migrate } from '../src/db.mjs';
import { createLogger } from '../src/logger.mjs';
import { startServer } from '../src/server.mjs';

const USAGE = `usage:
  jobgate-sync-server.mjs [serve] [--port PORT] [--host HOST] [--database-url URL]
                          [--seed-account NAME:KEY]... [--log-level debug|info|warn|error|silent]
  jobgate-sync-server.mjs create-account --name NAME [--database-url URL]

environment: DATABASE_URL, PORT, HOST, LOG_LEVEL, JOBGATE_SYNC_SEED_ACCOUNTS (name:key,name:key)`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'database-url': { type: 'string' },
  'seed-account': { type: 'string', multiple: true },
  'log-level': { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function fail(message) {
  process.stderr.write(`jobgate-sync-server: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parsePort(text) {
  if (!/^\d+$/.test(text) || Number(text) > 65535) fail(`bad port: ${text}`);
  return Number(text);
}

async function serve(values) {
  const logger = createLogger({ level: values['log-level'] ?? process.env.LOG_LEVEL ?? 'info' });
  const seedAccounts = [
    ...parseSeedAccounts(process.env.JOBGATE_SYNC_SEED_ACCOUNTS),
    ...(values['seed-account'] ?? []).flatMap(parseSeedAccounts),
  ];
  const running = await startServer({
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
    port: parsePort(values.port ?? process.env.PORT ?? '8787'),
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    logger,
    seedAccounts,
  });
  process.stdout.write(`listening on ${running.url}\n`);

  const shutdown = async (signal) => {
    logger.info('shutting down', { signal });
    try {
      await running.close();
      process.exit(0);
    } catch (err) {
      logger.error('shutdown failed', { error: err.message });
      process.exit(1);
    }
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

async function createAccountCommand(values) {
  if (!values.name) fail('create-account needs --name NAME');
  const pool = createPool(values['database-url'] ?? process.env.DATABASE_URL);
  try {
    await migrate(pool);
    const account = await createAccount(pool, values.name);
    process.stdout.write(`${account.key}\n`);
    process.stderr.write(
      `created account "${account.name}" (id ${account.id}); keep the key above: it is not stored and cannot be shown again\n`,
    );
  } finally {
    await pool.end();
  }
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    fail(err.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [command = 'serve', ...rest] = positionals;
  if (rest.length > 0) fail(`unexpected arguments: ${rest.join(' ')}`);
  if (command === 'serve') await serve(values);
  else if (command === 'create-account') await createAccountCommand(values);
  else fail(`unknown command: ${command}`);
}

main().catch((err) => {
  process.stderr.write(`jobgate-sync-server: ${err.message}\n`);
  process.exit(1);
});
