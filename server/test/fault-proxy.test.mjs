// The fault-injecting proxy (tools/fault-proxy.mjs) in front of a recording
// upstream: forwarding, each fault kind, the request log, and its command line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFaultProxy } from '../tools/fault-proxy.mjs';

const PROXY_BIN = fileURLToPath(new URL('../tools/fault-proxy.mjs', import.meta.url));

/** One request on a fresh connection: { status, headers, body } or a rejection when the connection drops. */
function send(baseUrl, method, path, { body, timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(`${baseUrl}${path}`, {
      method,
      agent: false,
      headers: payload ? { 'Content-Type': 'application/json', 'X-API-Key': 'k' } : { 'X-API-Key': 'k' },
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : null }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const pushBody = (...ids) => ({ device_id: 'd', profile_id: 'p', changes: ids.map((change_id) => ({ change_id })) });

describe('fault proxy', { timeout: 60_000 }, () => {
  let upstream;
  let upstreamUrl;
  const received = [];
  let proxy;

  before(async () => {
    upstream = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, body, key: req.headers['x-api-key'] });
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-Upstream': 'yes' });
        res.end(JSON.stringify({ ok: true, n: received.length }));
      });
    });
    await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
    upstreamUrl = `http://127.0.0.1:${upstream.address().port}`;
    proxy = await startFaultProxy({ upstream: upstreamUrl, port: 0 });
  });
  after(async () => {
    await proxy?.close();
    upstream.closeAllConnections();
    await new Promise((r) => upstream.close(r));
  });
  beforeEach(async () => {
    received.length = 0;
    await send(proxy.url, 'DELETE', '/__log');
    await send(proxy.url, 'DELETE', '/__faults');
  });

  const setFaults = async (faults) => {
    const res = await send(proxy.url, 'POST', '/__faults', { body: faults });
    assert.equal(res.status, 200);
    return res;
  };

  test('forwards requests untouched when no fault is queued, and logs them', async () => {
    const res = await send(proxy.url, 'POST', '/api/sync/v1/push', { body: pushBody('c1', 'c2') });
    assert.equal(res.status, 200);
    assert.equal(res.headers['x-upstream'], 'yes');
    assert.deepEqual(res.body, { ok: true, n: 1 });
    assert.equal(received[0].key, 'k');
    assert.deepEqual(JSON.parse(received[0].body), pushBody('c1', 'c2'));
    const pulled = await send(proxy.url, 'GET', '/api/sync/v1/pull?since=5');
    assert.equal(pulled.status, 200);
    assert.equal(received[1].url, '/api/sync/v1/pull?since=5');
    const log = await send(proxy.url, 'GET', '/__log');
    assert.deepEqual(log.body, [
      { method: 'POST', path: '/api/sync/v1/push', fault: null, status: 200, change_ids: ['c1', 'c2'] },
      { method: 'GET', path: '/api/sync/v1/pull?since=5', fault: null, status: 200 },
    ]);
  });

  test('faults are consumed one per request, in order', async () => {
    assert.deepEqual(
      (await setFaults([
        { kind: 'status', status: 500 },
        { kind: 'drop_after_upstream' },
        { kind: 'status', status: 429, retry_after: 2 },
        { kind: 'drop_before_upstream' },
        { kind: 'status', status: 401 },
        { kind: 'delay', ms: 100 },
      ])).body,
      { queued: 6 },
    );
    const push = (id) => send(proxy.url, 'POST', '/api/sync/v1/push', { body: pushBody(id) });

    const r500 = await push('a');
    assert.equal(r500.status, 500);
    assert.equal(r500.body.error_code, 'INTERNAL_ERROR');
    assert.equal(received.length, 0, 'a status fault does not reach the upstream');

    await assert.rejects(push('b'), 'drop_after_upstream: no answer');
    assert.equal(received.length, 1, 'drop_after_upstream: the upstream got the request');
    assert.deepEqual(JSON.parse(received[0].body).changes, [{ change_id: 'b' }]);

    const r429 = await push('c');
    assert.equal(r429.status, 429);
    assert.equal(r429.headers['retry-after'], '2');
    assert.equal(r429.body.error_code, 'RATE_LIMITED');

    await assert.rejects(push('d'), 'drop_before_upstream: no answer');
    const r401 = await push('e');
    assert.equal(r401.status, 401);
    assert.equal(r401.body.error_code, 'UNAUTHORIZED');
    assert.equal(received.length, 1, 'only drop_after_upstream reached the upstream');

    const started = Date.now();
    assert.equal((await push('f')).status, 200);
    assert.ok(Date.now() - started >= 90, 'delay waited');
    assert.equal((await push('g')).status, 200, 'queue empty: forwarded');

    const log = (await send(proxy.url, 'GET', '/__log')).body;
    assert.deepEqual(
      log.map((e) => [e.fault, e.status, e.change_ids]),
      [
        ['status', 500, ['a']],
        ['drop_after_upstream', null, ['b']],
        ['status', 429, ['c']],
        ['drop_before_upstream', null, ['d']],
        ['status', 401, ['e']],
        ['delay', 200, ['f']],
        [null, 200, ['g']],
      ],
    );
    assert.equal(log[1].upstream_status, 200);
  });

  test('hang accepts the request and never answers', async () => {
    await setFaults([{ kind: 'hang' }]);
    await assert.rejects(send(proxy.url, 'GET', '/api/sync/v1/health', { timeoutMs: 300 }), /timed out/);
    assert.equal(received.length, 0);
    assert.equal((await send(proxy.url, 'GET', '/api/sync/v1/health')).status, 200);
  });

  test('a fault with a path or method waits for a request that matches', async () => {
    await setFaults([{ kind: 'status', status: 503, path: '/api/sync/v1/push', method: 'POST' }]);
    assert.equal((await send(proxy.url, 'GET', '/api/sync/v1/health')).status, 200);
    assert.equal((await send(proxy.url, 'GET', '/api/sync/v1/push')).status, 200);
    assert.equal((await send(proxy.url, 'POST', '/api/sync/v1/push', { body: pushBody('x') })).status, 503);
    await setFaults([{ kind: 'pass' }, { kind: 'status', status: 500 }]);
    await send(proxy.url, 'POST', '/__faults?append=1', { body: [{ kind: 'status', status: 502 }] });
    assert.deepEqual((await send(proxy.url, 'GET', '/__faults')).body.map((f) => f.kind), ['pass', 'status', 'status']);
    assert.equal((await send(proxy.url, 'GET', '/a')).status, 200);
    assert.equal((await send(proxy.url, 'GET', '/a')).status, 500);
    assert.equal((await send(proxy.url, 'GET', '/a')).status, 502);
  });

  test('a malformed fault list is refused', async () => {
    assert.equal((await send(proxy.url, 'POST', '/__faults', { body: { kind: 'hang' } })).status, 400);
    assert.equal((await send(proxy.url, 'POST', '/__faults', { body: [{ kind: 'explode' }] })).status, 400);
    assert.equal((await send(proxy.url, 'POST', '/__faults', { body: [{ kind: 'status' }] })).status, 400);
    assert.deepEqual((await send(proxy.url, 'GET', '/__faults')).body, []);
  });

  test('its command line prints the listening line and proxies', async () => {
    const child = spawn(process.execPath, [PROXY_BIN, '--upstream', upstreamUrl, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (c) => {
          out += c;
          const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`fault proxy exited with ${code}`)));
      });
      assert.deepEqual((await send(url, 'GET', '/api/sync/v1/health')).body, { ok: true, n: 1 });
    } finally {
      const exited = new Promise((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });
});
