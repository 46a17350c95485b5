#!/usr/bin/env node
// A fault-injecting HTTP proxy for testing sync clients against a real server.
//
//   node server/tools/fault-proxy.mjs --upstream http://127.0.0.1:PORT [--port 0] [--host 127.0.0.1]
//
// prints "listening on http://HOST:PORT" on stdout when ready, then forwards
// every request to the upstream, except when a queued fault says otherwise.
// Control endpoints (not forwarded, not logged):
//   POST   /__faults   body: a JSON array of faults; replaces the queue
//                      (POST /__faults?append=1 appends). Answers {"queued": N}.
//   GET    /__faults   the faults still queued
//   DELETE /__faults   empties the queue
//   GET    /__log      the proxied requests so far, oldest first:
//                      [{"method","path","fault","status","change_ids"?}]
//   DELETE /__log      empties the log
// Each proxied request takes the next fault from the queue (none left: it is
// forwarded untouched). A fault may carry "method" and/or "path" (a prefix of
// the path, e.g. "/api/sync/v1/push"): a request they don't match is forwarded
// and leaves the fault queued. Kinds:
//   {"kind":"pass"}                    forward untouched (to skip a request)
//   {"kind":"status","status":500}     answer with that status in the protocol's error
//                                      shape, without forwarding; "retry_after": 2 adds
//                                      Retry-After; "body": {...} replaces the body
//   {"kind":"delay","ms":1500}         wait, then forward
//   {"kind":"drop_before_upstream"}    close the client's connection without forwarding
//   {"kind":"drop_after_upstream"}     forward, let the server answer in full (so a push
//                                      is stored), then close the client's connection
//                                      without answering
//   {"kind":"hang"}                    read the request and never answer
// A log entry's "fault" is the fault kind applied (null when none) and "status"
// the status the client got (null when it got none).
import { realpathSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const KINDS = ['pass', 'status', 'delay', 'drop_before_upstream', 'drop_after_upstream', 'hang'];
// Hop-by-hop headers are not forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade',
]);

const ERROR_CODES = {
  400: 'INVALID_INPUT', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED', 500: 'INTERNAL_ERROR', 502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE', 504: 'GATEWAY_TIMEOUT',
};

function validateFault(fault, i) {
  if (fault === null || typeof fault !== 'object' || !KINDS.includes(fault.kind)) {
    return `fault ${i}: kind must be one of ${KINDS.join(', ')}`;
  }
  if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)) {
    return `fault ${i}: status must be an integer 200..599`;
  }
  if (fault.kind === 'delay' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
    return `fault ${i}: ms must be a number >= 0`;
  }
  return null;
}

function readAll(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function sendJson(res, status, body, headers = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

function changeIdsOf(path, body) {
  if (!path.startsWith('/api/sync/v1/push')) return undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    return Array.isArray(parsed?.changes) ? parsed.changes.map((c) => c?.change_id ?? null) : [];
  } catch {
    return [];
  }
}

/**
 * startFaultProxy({ upstream, port = 0, host = '127.0.0.1' })
 * → { url, port, faults, log, close() }
 */
export async function startFaultProxy({ upstream, port = 0, host = '127.0.0.1' }) {
  const target = new URL(upstream);
  if (target.protocol !== 'http:') throw new Error('the upstream must be an http:// URL');
  const agent = new http.Agent({ keepAlive: true });
  const faults = [];
  const log = [];
  const hanging = new Set();

  function takeFault(req) {
    const f = faults[0];
    if (!f) return null;
    if (f.method && f.method.toUpperCase() !== req.method) return null;
    if (f.path && !new URL(req.url, 'http://x').pathname.startsWith(f.path)) return null;
    faults.shift();
    return f;
  }

  function forward(req, body) {
    return new Promise((resolve, reject) => {
      const headers = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (!HOP_BY_HOP.has(name) && name !== 'host' && name !== 'content-length') headers[name] = value;
      }
      headers.host = target.host;
      headers['content-length'] = String(body.length);
      const upstreamReq = http.request(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
        async (upstreamRes) => {
          try {
            resolve({ status: upstreamRes.statusCode, headers: upstreamRes.headers, body: await readAll(upstreamRes) });
          } catch (err) {
            reject(err);
          }
        },
      );
      upstreamReq.on('error', reject);
      upstreamReq.end(body);
    });
  }

  function reply(res, answer) {
    const headers = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!HOP_BY_HOP.has(name) && name !== 'content-length') headers[name] = value;
    }
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  async function control(req, res, url) {
    if (url.pathname === '/__log') {
      if (req.method === 'GET') return sendJson(res, 200, log);
      if (req.method === 'DELETE') {
        log.length = 0;
        return sendJson(res, 200, { cleared: true });
      }
    }
    if (url.pathname === '/__faults') {
      if (req.method === 'GET') return sendJson(res, 200, faults);
      if (req.method === 'DELETE') {
        faults.length = 0;
        return sendJson(res, 200, { queued: 0 });
      }
      if (req.method === 'POST') {
        let list;
        try {
          list = JSON.parse((await readAll(req)).toString('utf8'));
        } catch {
          return sendJson(res, 400, { error: 'the body must be a JSON array of faults' });
        }
        if (!Array.isArray(list)) return sendJson(res, 400, { error: 'the body must be a JSON array of faults' });
        const problem = list.map(validateFault).find(Boolean);
        if (problem) return sendJson(res, 400, { error: problem });
        if (url.searchParams.get('append') !== '1') faults.length = 0;
        faults.push(...list);
        return sendJson(res, 200, { queued: faults.length });
      }
    }
    return sendJson(res, 404, { error: 'unknown control endpoint' });
  }

  async function proxy(req, res) {
    const body = await readAll(req);
    const fault = takeFault(req);
    const entry = { method: req.method, path: req.url, fault: fault?.kind ?? null, status: null };
    const changeIds = changeIdsOf(req.url, body);
    if (changeIds) entry.change_ids = changeIds;
    log.push(entry);

    switch (fault?.kind) {
      case 'status': {
        const code = ERROR_CODES[fault.status] ?? 'INJECTED_FAULT';
        const headers = fault.retry_after !== undefined ? { 'Retry-After': String(fault.retry_after) } : {};
        const payload = fault.body ?? {
          success: false,
          error: `Injected fault: status ${fault.status}.`,
          error_code: code,
          details: {},
          suggested_action: 'Retry later.',
        };
        entry.status = fault.status;
        sendJson(res, fault.status, payload, headers);
        return;
      }
      case 'drop_before_upstream':
        req.socket.destroy();
        return;
      case 'hang':
        hanging.add(res);
        res.once('close', () => hanging.delete(res));
        return;
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms));
        break;
      default:
        break;
    }

    let answer;
    try {
      answer = await forward(req, body);
    } catch (err) {
      entry.status = 502;
      sendJson(res, 502, {
        success: false, error: `Upstream unreachable: ${err.message}`, error_code: 'BAD_GATEWAY', details: {}, suggested_action: 'Retry later.',
      });
      return;
    }
    if (fault?.kind === 'drop_after_upstream') {
      entry.upstream_status = answer.status;
      req.socket.destroy();
      return;
    }
    entry.status = answer.status;
    reply(res, answer);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const work = url.pathname.startsWith('/__') ? control(req, res, url) : proxy(req, res);
    work.catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { error: err.message });
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    port: address.port,
    faults,
    log,
    close() {
      for (const res of hanging) res.destroy();
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: { upstream: { type: 'string' }, port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  if (!values.upstream) {
    process.stderr.write('usage: fault-proxy.mjs --upstream http://127.0.0.1:PORT [--port 0] [--host 127.0.0.1]\n');
    process.exit(2);
  }
  const proxy = await startFaultProxy({ upstream: values.upstream, port: Number(values.port), host: values.host });
  process.stdout.write(`listening on ${proxy.url}\n`);
  const stop = () => proxy.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  main().catch((err) => {
    process.stderr.write(`fault-proxy: ${err.message}\n`);
    process.exit(1);
  });
}
