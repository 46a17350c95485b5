// Test databases. With DATABASE_URL set, tests use that server; otherwise one
// throwaway cluster is started with scripts/pg.sh for the whole test run and
// stopped when the run ends. Each test file gets a fresh database of its own
// (CREATE DATABASE t_<random>), dropped when the file is done, so test files
// can run in parallel.
//
// "The run": `node --test` runs each file in a child process (marked by
// NODE_TEST_CONTEXT) of one runner process. The first file to get here starts
// the cluster in $TMPDIR/jobgate-sync-test-<runner pid>/ (creating that folder
// is the lock; the others wait for its `url` file), and leaves behind a detached
// watcher that stops the cluster and removes the folder once the runner has
// exited. A file run on its own (`node file.test.mjs`) is its own runner.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const PG_SH = fileURLToPath(new URL('../scripts/pg.sh', import.meta.url));
const execFileP = promisify(execFile);

let clusterUrlPromise;

/** The URL of a PostgreSQL server the tests may create databases on. */
export function clusterUrl() {
  clusterUrlPromise ??= process.env.DATABASE_URL ? Promise.resolve(process.env.DATABASE_URL) : sharedCluster();
  return clusterUrlPromise;
}

async function sharedCluster() {
  const runner = process.env.NODE_TEST_CONTEXT ? process.ppid : process.pid;
  const base = join(tmpdir(), `jobgate-sync-test-${runner}`);
  try {
    // 0755: as root, pg.sh hands base/pg to the postgres user, who must be able to enter base.
    await mkdir(base, { mode: 0o755 });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
    return waitForUrl(base);
  }
  startReaper(runner, base);
  try {
    const { stdout } = await execFileP('bash', [PG_SH, 'start', join(base, 'pg')], { timeout: 120_000 });
    const m = /^DATABASE_URL=(\S+)$/m.exec(stdout);
    if (!m) throw new Error(`pg.sh printed no DATABASE_URL line: ${stdout}`);
    await writeFile(join(base, 'url.tmp'), m[1], { mode: 0o600 });
    await rename(join(base, 'url.tmp'), join(base, 'url'));
    return m[1];
  } catch (err) {
    await writeFile(join(base, 'error'), String(err.stderr || err.message)).catch(() => {});
    throw err;
  }
}

/** A detached shell that waits for the runner to exit, then stops the cluster and removes `base`. */
function startReaper(runner, base) {
  const script = `
    while kill -0 "$RUNNER" 2>/dev/null; do sleep 0.2; done
    if [ -d "$BASE/pg" ]; then bash "$PG_SH" stop "$BASE/pg" >/dev/null 2>&1; fi
    rm -rf "$BASE"`;
  const child = spawn('sh', ['-c', script], {
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH, RUNNER: String(runner), BASE: base, PG_SH },
  });
  child.unref();
}

async function waitForUrl(base, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = await readFile(join(base, 'url'), 'utf8').catch(() => null);
    if (url) return url.trim();
    const error = await readFile(join(base, 'error'), 'utf8').catch(() => null);
    if (error) throw new Error(`starting the test cluster failed: ${error}`);
    if (Date.now() > deadline) throw new Error(`no test cluster in ${base} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Creates a fresh, empty database for one test file.
 * Returns { url, name, drop() }; drop() removes it (closing its connections).
 */
export async function createTestDatabase() {
  const adminUrl = await clusterUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql(client));
    } finally {
      await client.end();
    }
  };
  // Database names can't be query parameters; this one is generated, and quoted anyway.
  await admin((c) => `CREATE DATABASE ${c.escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => `DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`),
  };
}
