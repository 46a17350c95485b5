// The standalone server as a script would run it: create-account prints a key,
// serve prints "listening on http://HOST:PORT", serves that key and seeded
// keys, never logs a key, and exits 0 on SIGTERM.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { API, makeChanges, pullAll, syncClient } from '../testing/fixtures.mjs';
import { createTestDatabase } from '../testing/pg-cluster.mjs';

const BIN = fileURLToPath(new URL('../bin/jobgate-sync-server.mjs', import.meta.url));
const execFileP = promisify(execFile);

/** Spawns `serve`; resolves to { child, url, stderr() } once it printed its listening line. */
function serve(args, env = {}) {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      stdout += c;
      const m = /^listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(stdout);
      if (m) resolve({ child, url: m[1], stdout: () => stdout, stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

describe('command line', { timeout: 60_000 }, () => {
  let db;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db?.drop());

  test('create-account prints a new key once; only its hash is stored', async () => {
    const { stdout, stderr } = await execFileP(process.execPath, [BIN, 'create-account', '--name', 'Ada'], {
      env: { ...process.env, DATABASE_URL: db.url },
    });
    assert.match(stdout, /^jgs_[A-Za-z0-9_-]{43}\n$/);
    const key = stdout.trim();
    assert.match(stderr, /created account "Ada"/);
    assert.ok(!stderr.includes(key));

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name, encode(key_hash, 'hex') AS hash FROM accounts WHERE name = 'Ada'`);
      assert.deepEqual(rows, [{ name: 'Ada', hash: createHash('sha256').update(key).digest('hex') }]);
    } finally {
      await client.end();
    }
  });

  test('serve on port 0 prints its address, serves keys, logs no key, stops on SIGTERM', async () => {
    const { stdout } = await execFileP(process.execPath, [BIN, 'create-account', '--name', 'Bea', '--database-url', db.url]);
    const key = stdout.trim();
    const seededKey = 'seeded-test-key-0123456789';
    const server = await serve(['--port', '0', '--host', '127.0.0.1', '--database-url', db.url], {
      JOBGATE_SYNC_SEED_ACCOUNTS: `seeded:${seededKey}`,
    });
    try {
      const health = await fetch(`${server.url}${API}/health`);
      assert.deepEqual(await health.json(), { status: 'ok', protocol: 1 });

      for (const k of [key, seededKey]) {
        const device = syncClient(server.url, k);
        const changes = makeChanges(3);
        assert.equal((await device.push(changes)).status, 200);
        assert.deepEqual((await pullAll(device)).changes, changes);
      }
      assert.equal((await syncClient(server.url, 'wrong-key-123').pull()).status, 401);
    } finally {
      const exited = new Promise((r) => server.child.once('exit', (code, signal) => r({ code, signal })));
      server.child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null });
    }
    assert.equal(server.stdout().split('\n').filter(Boolean).length, 1, 'stdout holds only the listening line');
    assert.match(server.stderr(), /"path":"\/api\/sync\/v1\/push"/, 'requests are logged to stderr');
    assert.ok(!server.stderr().includes(key) && !server.stderr().includes(seededKey), 'no key in the logs');
  });

  test('serve without a database URL fails with a message', async () => {
    await assert.rejects(
      execFileP(process.execPath, [BIN, 'serve', '--port', '0'], { env: { ...process.env, DATABASE_URL: '' } }),
      (err) => err.code === 1 && /no database URL/.test(err.stderr),
    );
  });
});
