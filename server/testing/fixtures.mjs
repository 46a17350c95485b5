// Test fixtures: a sync server on a fresh database (on a random port, in this
// process), accounts, changes, and a small protocol client built on fetch.
import { randomUUID } from 'node:crypto';
import { createAccount } from '../src/accounts.mjs';
import { startServer } from '../src/server.mjs';
import { createTestDatabase } from './pg-cluster.mjs';

export const API = '/api/sync/v1';

/** Starts a server on a new database. Returns { url, pool, db, newAccount(name), close() }. */
export async function startTestServer() {
  const db = await createTestDatabase();
  let running;
  try {
    running = await startServer({ databaseUrl: db.url, port: 0, host: '127.0.0.1' });
  } catch (err) {
    await db.drop().catch(() => {});
    throw err;
  }
  return {
    url: running.url,
    pool: running.pool,
    db,
    /** A new account; returns { id, key }. */
    newAccount: (name = 'test') => createAccount(running.pool, name),
    async close() {
      await running.close({ graceMs: 1000 });
      await db.drop();
    },
  };
}

const DATA_BY_ENTITY = {
  cv: () => ({ title: 'Backend engineer CV', language: 'en' }),
  cv_version: () => ({
    cv_id: randomUUID(),
    source: 'import',
    created_at: '2024-05-01T12:00:00Z',
    structured_data: { name: 'Ada Lovelace', skills: ['Rust', 'SQL'], experience: [{ title: 'Engineer', years: 3.5 }] },
  }),
  analysis: () => ({ cv_version_id: randomUUID(), response: { score: 0.87, missing: ['Kubernetes'], notes: null } }),
  builder_session: () => ({ step: 3, answers: { goal: 'switch to data engineering' } }),
  export: () => ({ cv_version_id: randomUUID(), template: 'classic', format: 'pdf', file_name: 'ada-lovelace.pdf' }),
};

/** A valid change; `overrides` replace its fields. */
export function makeChange(overrides = {}) {
  const entity = overrides.entity ?? 'cv';
  const op = overrides.op ?? 'upsert';
  return {
    change_id: randomUUID(),
    entity,
    entity_id: randomUUID(),
    op,
    at: new Date().toISOString(),
    data: op === 'upsert' ? DATA_BY_ENTITY[entity]() : null,
    ...overrides,
  };
}

export function makeChanges(n, overrides = {}) {
  return Array.from({ length: n }, () => makeChange(overrides));
}

/**
 * A protocol client for one device of one account:
 * { deviceId, profileId, push(changes), pull(since, limit), request(method, path, options) }.
 * Each call resolves to { status, headers, body } (body parsed as JSON when it is JSON).
 */
export function syncClient(baseUrl, key, { deviceId = randomUUID(), profileId = randomUUID() } = {}) {
  async function request(method, path, { body, headers = {}, rawBody } = {}) {
    const allHeaders = { 'X-Device-Id': deviceId, ...headers };
    if (key !== undefined) allHeaders['X-API-Key'] = key;
    let payload = rawBody;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      allHeaders['Content-Type'] = 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers: allHeaders, body: payload });
    const text = await res.text();
    let parsed = text;
    if ((res.headers.get('content-type') ?? '').startsWith('application/json')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed };
  }
  return {
    deviceId,
    profileId,
    request,
    push: (changes, extra = {}) =>
      request('POST', `${API}/push`, { body: { device_id: deviceId, profile_id: profileId, changes, ...extra } }),
    pull: (since, limit) => {
      const params = new URLSearchParams();
      if (since !== undefined) params.set('since', since);
      if (limit !== undefined) params.set('limit', String(limit));
      const qs = params.toString();
      return request('GET', `${API}/pull${qs ? `?${qs}` : ''}`);
    },
  };
}

/** Pulls everything after `since` page by page; returns { changes, pages, cursors, cursor }. */
export async function pullAll(client, { since = '', limit } = {}) {
  const changes = [];
  const cursors = [];
  let pages = 0;
  let cursor = since;
  for (;;) {
    const res = await client.pull(cursor, limit);
    if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${JSON.stringify(res.body)}`);
    pages++;
    changes.push(...res.body.changes);
    cursor = res.body.next_cursor;
    cursors.push(cursor);
    if (!res.body.more) return { changes, pages, cursors, cursor };
  }
}

/** Asserts the protocol's error shape; returns the body. */
export function expectError(assert, res, status, code) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.success, false);
  assert.equal(res.body.error_code, code);
  assert.equal(typeof res.body.error, 'string');
  assert.ok(res.body.error.length > 0);
  assert.equal(typeof res.body.details, 'object');
  assert.notEqual(res.body.details, null);
  assert.equal(typeof res.body.suggested_action, 'string');
  return res.body;
}
