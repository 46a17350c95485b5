// What the server refuses, and how: keys, limits (413), invalid changes, bad
// input (400), unknown paths (404/405), and mounting the handler in another server.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createSyncHandler } from '../src/handler.mjs';
import { MAX_PUSH_BYTES } from '../src/protocol.mjs';
import { API, expectError, makeChange, makeChanges, pullAll, startTestServer, syncClient } from '../testing/fixtures.mjs';

describe('refusals', { timeout: 60_000 }, () => {
  let server;
  let account;
  let device;
  before(async () => {
    server = await startTestServer();
    account = await server.newAccount();
    device = syncClient(server.url, account.key);
  });
  after(() => server?.close());

  const storedRows = async () =>
    Number((await server.pool.query('SELECT count(*) FROM changes WHERE account_id = $1', [account.id])).rows[0].count);

  test('401 without a key, and with an unknown key', async () => {
    for (const client of [syncClient(server.url, undefined), syncClient(server.url, 'jgs_not-a-real-key')]) {
      expectError(assert, await client.push(makeChanges(1)), 401, 'UNAUTHORIZED');
      expectError(assert, await client.pull(), 401, 'UNAUTHORIZED');
    }
    assert.equal(await storedRows(), 0);
  });

  test('413 for 101 changes, with the limits in details; nothing stored', async () => {
    const body = expectError(assert, await device.push(makeChanges(101)), 413, 'PAYLOAD_TOO_LARGE');
    assert.deepEqual(body.details, { max_changes: 100, max_bytes: MAX_PUSH_BYTES });
    assert.equal(await storedRows(), 0);
    assert.equal((await device.push(makeChanges(100))).status, 200);
    assert.equal(await storedRows(), 100);
    await server.pool.query('DELETE FROM changes WHERE account_id = $1', [account.id]);
  });

  test('413 for a body over 4 MB; a body just under it is accepted', async () => {
    const withData = (bytes) => [makeChange({ data: { blob: 'x'.repeat(bytes) } })];
    const over = await device.push(withData(MAX_PUSH_BYTES));
    const body = expectError(assert, over, 413, 'PAYLOAD_TOO_LARGE');
    assert.deepEqual(body.details, { max_changes: 100, max_bytes: MAX_PUSH_BYTES });
    assert.equal(await storedRows(), 0);

    const under = withData(MAX_PUSH_BYTES - 1024);
    const res = await device.push(under);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.accepted, [under[0].change_id]);
    assert.deepEqual((await pullAll(device)).changes, under);
    await server.pool.query('DELETE FROM changes WHERE account_id = $1', [account.id]);
  });

  test('413 for a streamed body (no Content-Length) once it passes 4 MB', async () => {
    const { status, body } = await new Promise((resolve, reject) => {
      const req = http.request(`${server.url}${API}/push`, {
        method: 'POST',
        headers: { 'X-API-Key': account.key, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const write = () => {
        while (sent < 6 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once('drain', write);
        }
        req.end();
        return undefined;
      };
      write();
    });
    assert.equal(status, 413);
    assert.equal(body.error_code, 'PAYLOAD_TOO_LARGE');
  });

  test('a client that keeps sending past the limit is cut off; one that leaves mid-body does no harm', async () => {
    const rawPush = (extraHeaders) => {
      const socket = net.connect(new URL(server.url).port, '127.0.0.1');
      socket.write(
        `POST ${API}/push HTTP/1.1\r\nHost: x\r\nX-API-Key: ${account.key}\r\n` +
          `Content-Type: application/json\r\n${extraHeaders}\r\n`,
      );
      return socket;
    };
    // 64 MiB streamed without end: the server answers 413 and, past a bounded
    // discard, closes the connection long before the client is done.
    const budget = 64 * 1024 * 1024;
    const sent = await new Promise((resolve) => {
      const socket = rawPush('Transfer-Encoding: chunked\r\n');
      const chunk = Buffer.from(`10000\r\n${'x'.repeat(0x10000)}\r\n`);
      let written = 0;
      let answer = '';
      socket.on('data', (d) => (answer += d));
      socket.on('error', () => {});
      socket.on('close', () => resolve({ written, answer }));
      const pump = () => {
        while (written < budget && !socket.destroyed) {
          written += chunk.length;
          if (!socket.write(chunk)) return socket.once('drain', pump);
        }
        socket.end();
        return undefined;
      };
      pump();
    });
    assert.ok(sent.written < budget, `the server cut the connection (after ${sent.written} bytes)`);
    if (sent.answer) assert.match(sent.answer, /^HTTP\/1\.1 413 /);

    // A body announced but never finished.
    const socket = rawPush('Content-Length: 1000\r\n');
    socket.on('error', () => {});
    socket.resume();
    socket.end('{"device_id":');
    await new Promise((r) => socket.on('close', r));
    assert.equal(await storedRows(), 0);
    assert.equal((await device.push(makeChanges(1))).status, 200, 'the server still serves');
    await server.pool.query('DELETE FROM changes WHERE account_id = $1', [account.id]);
  });

  test('invalid changes are rejected one by one; the valid ones are accepted', async () => {
    const good1 = makeChange();
    const good2 = makeChange({ entity: 'export', op: 'delete' });
    const bad = [
      'not an object',
      { ...makeChange(), change_id: 'nope' },
      { ...makeChange(), entity: 'photo' },
      { ...makeChange(), entity_id: '1234' },
      { ...makeChange(), op: 'merge' },
      { ...makeChange(), at: 'yesterday' },
      { ...makeChange(), at: '2024-02-30T10:00:00Z' },
      { ...makeChange(), data: null },
      { ...makeChange(), data: [1, 2] },
      { ...makeChange({ op: 'delete' }), data: { still: 'here' } },
    ];
    const res = await device.push([bad[0], good1, ...bad.slice(1), good2]);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.accepted, [good1.change_id, good2.change_id]);
    assert.equal(res.body.rejected.length, bad.length);
    res.body.rejected.forEach((r, i) => {
      assert.deepEqual(Object.keys(r).sort(), ['change_id', 'error', 'error_code']);
      assert.equal(r.error_code, 'INVALID_CHANGE');
      assert.equal(typeof r.error, 'string');
      assert.equal(r.change_id, i === 0 ? null : bad[i].change_id);
    });
    assert.deepEqual((await pullAll(device)).changes, [good1, good2]);
    await server.pool.query('DELETE FROM changes WHERE account_id = $1', [account.id]);
  });

  test('400 for a body that is not JSON or not a push', async () => {
    expectError(assert, await device.request('POST', `${API}/push`, { rawBody: '{"changes": [' }), 400, 'INVALID_INPUT');
    expectError(assert, await device.request('POST', `${API}/push`, { rawBody: '' }), 400, 'INVALID_INPUT');
    expectError(assert, await device.request('POST', `${API}/push`, { body: [] }), 400, 'INVALID_INPUT');
    expectError(assert, await device.push('not a list'), 400, 'INVALID_INPUT');
    expectError(assert, await device.push([], { profile_id: 'x' }), 400, 'INVALID_INPUT');
    expectError(assert, await device.push([], { device_id: crypto.randomUUID() }), 400, 'INVALID_INPUT');
    const badDevice = syncClient(server.url, account.key, { deviceId: 'not-a-uuid' });
    expectError(assert, await badDevice.pull(), 400, 'INVALID_INPUT');
  });

  test('400 for a malformed cursor or limit', async () => {
    expectError(assert, await device.pull('abc'), 400, 'INVALID_INPUT');
    expectError(assert, await device.pull('-1'), 400, 'INVALID_INPUT');
    expectError(assert, await device.pull('', 0), 400, 'INVALID_INPUT');
    expectError(assert, await device.pull('', 'ten'), 400, 'INVALID_INPUT');
  });

  test('404 for unknown paths, 405 for a wrong method', async () => {
    expectError(assert, await device.request('GET', `${API}/nothing`), 404, 'NOT_FOUND');
    expectError(assert, await device.request('GET', '/'), 404, 'NOT_FOUND');
    const res = await device.request('GET', `${API}/push`);
    expectError(assert, res, 405, 'METHOD_NOT_ALLOWED');
    assert.equal(res.headers.get('allow'), 'POST');
  });

  test('mounted in another server, unknown paths fall through to next()', async () => {
    const sync = createSyncHandler({ pool: server.pool });
    const host = http.createServer((req, res) =>
      sync(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('the backend');
      }),
    );
    await new Promise((r) => host.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${host.address().port}`;
      assert.equal(await (await fetch(`${base}/api/other`)).text(), 'the backend');
      assert.equal(await (await fetch(`${base}${API}/elsewhere`)).text(), 'the backend');
      const health = await fetch(`${base}${API}/health`);
      assert.deepEqual(await health.json(), { status: 'ok', protocol: 1 });
    } finally {
      host.closeAllConnections();
      await new Promise((r) => host.close(r));
    }
  });
});
