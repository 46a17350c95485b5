// The sync protocol v1 as a plain Node.js (req, res, next?) handler, to run
// standalone or be mounted in a backend's own HTTP server (Express, Koa, http).
// Routes: GET health, POST push, GET pull under /api/sync/v1/; other paths fall through.
import { findAccountByKey } from './accounts.mjs';
import { isConnectionError } from './db.mjs';
import { HttpError, discardUnreadBody, readBody, sendError, sendJson } from './http-util.mjs';
import { silentLogger } from './logger.mjs';
import {
  BASE_PATH,
  MAX_CHANGES_PER_PUSH,
  MAX_PUSH_BYTES,
  PROTOCOL_VERSION,
  isUuid,
  parseCursor,
  parseLimit,
  validateChange,
  validatePushEnvelope,
} from './protocol.mjs';
import { insertChanges, pingDatabase, readChanges } from './store.mjs';

const tooLarge = (what) =>
  new HttpError(413, 'PAYLOAD_TOO_LARGE', `The push has ${what}.`, {
    details: { max_changes: MAX_CHANGES_PER_PUSH, max_bytes: MAX_PUSH_BYTES },
    suggestedAction: `Send at most ${MAX_CHANGES_PER_PUSH} changes and ${MAX_PUSH_BYTES} bytes per push.`,
  });

const invalidInput = (message) => new HttpError(400, 'INVALID_INPUT', message);

/**
 * createSyncHandler({ pool, logger? }) → (req, res, next?) handler.
 * `pool` is a pg.Pool on a migrated database; `logger` has info/warn/error
 * (silent by default). Paths it doesn't serve go to `next()` when given, else 404.
 */
export function createSyncHandler({ pool, logger = silentLogger }) {
  if (!pool) throw new Error('createSyncHandler needs a pg pool');

  const routes = {
    '/health': { GET: health },
    '/push': { POST: push },
    '/pull': { GET: pull },
  };

  async function health(req, res) {
    try {
      await pingDatabase(pool);
    } catch (err) {
      logger.warn('health: database unreachable', { error: err.message });
      sendJson(res, 503, {
        status: 'error',
        protocol: PROTOCOL_VERSION,
        error: 'The database is unreachable.',
        error_code: 'DATABASE_UNAVAILABLE',
      });
      return;
    }
    sendJson(res, 200, { status: 'ok', protocol: PROTOCOL_VERSION });
  }

  async function authenticate(req, ctx) {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || key === '') {
      throw new HttpError(401, 'UNAUTHORIZED', 'The X-API-Key header is missing.');
    }
    const account = await findAccountByKey(pool, key);
    if (!account) throw new HttpError(401, 'UNAUTHORIZED', 'The API key is not valid.');
    ctx.account = account.id;

    const deviceId = req.headers['x-device-id'];
    if (deviceId !== undefined && !isUuid(deviceId)) throw invalidInput('X-Device-Id must be a UUID.');
    ctx.device = deviceId;
    return account;
  }

  async function push(req, res, ctx) {
    const account = await authenticate(req, ctx);
    const body = await readJson(req);
    const envelope = validatePushEnvelope(body);
    if (!envelope.ok) throw invalidInput(envelope.message);
    if (ctx.device !== undefined && ctx.device.toLowerCase() !== envelope.deviceId.toLowerCase()) {
      throw invalidInput('device_id in the body differs from the X-Device-Id header.');
    }
    ctx.device = envelope.deviceId;
    if (envelope.changes.length > MAX_CHANGES_PER_PUSH) {
      throw tooLarge(`${envelope.changes.length} changes, over the limit of ${MAX_CHANGES_PER_PUSH}`);
    }

    const accepted = [];
    const rejected = [];
    const toStore = new Map(); // lower-case change_id → change; a repeat within one push is stored once
    for (const raw of envelope.changes) {
      const result = validateChange(raw);
      if (!result.ok) {
        rejected.push({ change_id: result.changeId, error_code: 'INVALID_CHANGE', error: result.message });
        continue;
      }
      accepted.push(result.change.change_id);
      const key = result.change.change_id.toLowerCase();
      if (!toStore.has(key)) toStore.set(key, result.change);
    }
    const stored = await insertChanges(pool, {
      accountId: account.id,
      deviceId: envelope.deviceId,
      profileId: envelope.profileId,
      changes: [...toStore.values()],
    });
    ctx.fields = { accepted: accepted.length, rejected: rejected.length, new: stored };
    sendJson(res, 200, { accepted, rejected });
  }

  async function pull(req, res, ctx, url) {
    const account = await authenticate(req, ctx);
    const cursor = parseCursor(url.searchParams.get('since'));
    if (cursor === null) throw invalidInput('since must be a cursor returned by an earlier pull.');
    const limit = parseLimit(url.searchParams.get('limit'));
    if (limit === null) throw invalidInput('limit must be a positive integer.');
    const result = await readChanges(pool, { accountId: account.id, cursor, limit });
    ctx.fields = { since: cursor, returned: result.changes.length, more: result.more };
    sendJson(res, 200, { changes: result.changes, next_cursor: result.nextCursor, more: result.more });
  }

  async function readJson(req) {
    // A framework's body parser may have read the stream already (mount this
    // handler before any parser, so that the 4 MB limit applies); use its result.
    if (req.readableEnded) {
      if (req.body !== undefined && typeof req.body === 'object') return req.body;
      throw invalidInput('The request body was consumed before it reached the sync handler.');
    }
    const bytes = await readBody(req, {
      limit: MAX_PUSH_BYTES,
      tooLarge: () => tooLarge(`a body over ${MAX_PUSH_BYTES} bytes`),
    });
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      throw invalidInput('The body is not valid JSON.');
    }
  }

  function respondToError(req, res, err, ctx) {
    discardUnreadBody(req, 2 * MAX_PUSH_BYTES);
    if (err instanceof HttpError) {
      sendError(res, err);
      return;
    }
    if (isConnectionError(err)) {
      logger.warn('database unreachable', { ...ctx.log(), error: err.message });
      sendError(
        res,
        new HttpError(503, 'DATABASE_UNAVAILABLE', 'The database is unreachable.', { headers: { 'Retry-After': '5' } }),
      );
      return;
    }
    logger.error('request failed', { ...ctx.log(), error: err.message, stack: err.stack });
    sendError(res, new HttpError(500, 'INTERNAL_ERROR', 'The server failed to handle the request.'));
  }

  return function syncHandler(req, res, next) {
    // Express strips its mount path from req.url; originalUrl keeps the full path.
    let url;
    try {
      url = new URL(req.originalUrl ?? req.url, 'http://localhost');
    } catch {
      url = null;
    }
    const routePath = url?.pathname.startsWith(BASE_PATH + '/') ? url.pathname.slice(BASE_PATH.length) : null;
    const route = routePath !== null && Object.hasOwn(routes, routePath) ? routes[routePath] : undefined;
    if (!route) {
      if (typeof next === 'function') return next();
      sendError(res, new HttpError(404, 'NOT_FOUND', 'No such endpoint.'));
      return undefined;
    }
    const handle = Object.hasOwn(route, req.method) ? route[req.method] : undefined;
    if (!handle) {
      const allow = Object.keys(route).join(', ');
      sendError(
        res,
        new HttpError(405, 'METHOD_NOT_ALLOWED', `Use ${allow} for this endpoint.`, { headers: { Allow: allow } }),
      );
      return undefined;
    }

    const started = process.hrtime.bigint();
    const ctx = {
      account: undefined,
      device: undefined,
      fields: {},
      // What a log line may say about the request: never the API key.
      log() {
        return { method: req.method, path: url.pathname, account: this.account, device: this.device };
      },
    };
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info('request', { ...ctx.log(), status: res.statusCode, ms: Math.round(ms * 10) / 10, ...ctx.fields });
    });
    handle(req, res, ctx, url).catch((err) => respondToError(req, res, err, ctx));
    return undefined;
  };
}
