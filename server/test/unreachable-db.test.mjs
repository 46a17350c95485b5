// With PostgreSQL unreachable: health says so (503), and push/pull answer 503
// in the protocol's error shape instead of hanging or crashing.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createPool } from '../src/db.mjs';
import { createSyncHandler } from '../src/handler.mjs';
import { API, expectError, makeChanges, syncClient } from '../testing/fixtures.mjs';

/** A local port with nothing listening on it. */
async function closedPort() {
  const probe = net.createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

describe('database unreachable', { timeout: 60_000 }, () => {
  let pool;
  let server;
  let base;
  before(async () => {
    pool = createPool(`postgres://nobody:nothing@127.0.0.1:${await closedPort()}/none`);
    server = http.createServer(createSyncHandler({ pool }));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await pool.end();
  });

  test('health answers 503 with status error', async () => {
    const res = await syncClient(base, undefined).request('GET', `${API}/health`);
    assert.equal(res.status, 503);
    assert.equal(res.body.status, 'error');
    assert.equal(res.body.protocol, 1);
    assert.equal(typeof res.body.error, 'string');
  });

  test('push and pull answer 503 DATABASE_UNAVAILABLE', async () => {
    const device = syncClient(base, 'jgs_some-key');
    const pushed = await device.push(makeChanges(1));
    expectError(assert, pushed, 503, 'DATABASE_UNAVAILABLE');
    assert.equal(pushed.headers.get('retry-after'), '5');
    expectError(assert, await device.pull(), 503, 'DATABASE_UNAVAILABLE');
  });
});
