// A standalone sync server: pool + migrations + seed accounts + http server
// around the sync handler, with a graceful close. Used by the CLI and tests.
import http from 'node:http';
import { ensureAccount } from './accounts.mjs';
import { createPool, migrate } from './db.mjs';
import { createSyncHandler } from './handler.mjs';
import { silentLogger } from './logger.mjs';

/**
 * startServer({ databaseUrl, port = 8787, host = '127.0.0.1', logger, seedAccounts = [] })
 * → { url, port, server, pool, close() }. Resolves once the server listens;
 * `port: 0` picks a free port (the real one is in the result).
 */
export async function startServer({ databaseUrl, port = 8787, host = '127.0.0.1', logger = silentLogger, seedAccounts = [] }) {
  const pool = createPool(databaseUrl);
  let server;
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) logger.info('migrations applied', { versions: applied });
    for (const { name, key } of seedAccounts) await ensureAccount(pool, name, key);

    const handler = createSyncHandler({ pool, logger });
    server = http.createServer(handler);
    server.requestTimeout = 120_000;
    server.headersTimeout = 30_000;
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }

  const address = server.address();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    server,
    pool,
    /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes the pool. */
    close({ graceMs = 10_000 } = {}) {
      closing ??= (async () => {
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await closed;
        clearTimeout(timer);
        await pool.end();
      })();
      return closing;
    },
  };
}
