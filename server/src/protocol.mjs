// Protocol v1 of Job Gate sync: its limits, its vocabulary, and validation of
// push bodies and of each change in them. Pure functions, no I/O.

export const PROTOCOL_VERSION = 1;
export const BASE_PATH = '/api/sync/v1';

export const MAX_CHANGES_PER_PUSH = 100;
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;

export const ENTITIES = Object.freeze(['cv', 'cv_version', 'analysis', 'builder_session', 'export']);
export const OPS = Object.freeze(['upsert', 'delete']);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 3339 date-time: date, 'T' (or space, which RFC 3339 allows), time with
// optional fraction, and a zone ('Z' or an offset).
const RFC3339_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

export function isUuid(value) {
  return typeof value === 'string' && UUID_RE.test(value);
}

/** True for an RFC 3339 timestamp that names a real instant (no 31 February, no hour 25). */
export function isRfc3339(value) {
  if (typeof value !== 'string') return false;
  const m = RFC3339_RE.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
  // Second 60 is a leap second, which RFC 3339 allows.
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks the envelope of a push body (not the changes themselves).
 * Returns { ok: true, deviceId, profileId, changes } or { ok: false, message }.
 */
export function validatePushEnvelope(body) {
  if (!isPlainObject(body)) return { ok: false, message: 'The body must be a JSON object.' };
  if (!isUuid(body.device_id)) return { ok: false, message: 'device_id must be a UUID.' };
  if (!isUuid(body.profile_id)) return { ok: false, message: 'profile_id must be a UUID.' };
  if (!Array.isArray(body.changes)) return { ok: false, message: 'changes must be an array.' };
  return { ok: true, deviceId: body.device_id, profileId: body.profile_id, changes: body.changes };
}

/**
 * Validates one change. Returns { ok: true, change } with the change reduced to
 * its protocol fields (data null for a delete), or { ok: false, changeId, message }.
 */
export function validateChange(raw) {
  if (!isPlainObject(raw)) {
    return { ok: false, changeId: null, message: 'A change must be a JSON object.' };
  }
  const changeId = typeof raw.change_id === 'string' ? raw.change_id : null;
  const fail = (message) => ({ ok: false, changeId, message });

  if (!isUuid(raw.change_id)) return fail('change_id must be a UUID.');
  if (!ENTITIES.includes(raw.entity)) {
    return fail(`entity must be one of ${ENTITIES.join(', ')}.`);
  }
  if (!isUuid(raw.entity_id)) return fail('entity_id must be a UUID.');
  if (!OPS.includes(raw.op)) return fail(`op must be one of ${OPS.join(', ')}.`);
  if (!isRfc3339(raw.at)) return fail('at must be an RFC 3339 timestamp, e.g. 2024-05-01T12:00:00Z.');
  if (raw.op === 'upsert' && !isPlainObject(raw.data)) {
    return fail('data must be a JSON object for an upsert.');
  }
  if (raw.op === 'delete' && raw.data !== null && raw.data !== undefined) {
    return fail('data must be null for a delete.');
  }
  return {
    ok: true,
    change: {
      change_id: raw.change_id,
      entity: raw.entity,
      entity_id: raw.entity_id,
      op: raw.op,
      at: raw.at,
      data: raw.op === 'upsert' ? raw.data : null,
    },
  };
}

/**
 * Parses a pull cursor: absent or empty means the start. Returns a decimal
 * string (sequence numbers are bigint, kept as strings) or null when malformed.
 */
export function parseCursor(since) {
  if (since === null || since === undefined || since === '') return '0';
  if (!/^\d{1,18}$/.test(since)) return null;
  return String(BigInt(since));
}

/** Parses the pull limit: absent means the default, above the maximum is capped; null when malformed. */
export function parseLimit(limit) {
  if (limit === null || limit === undefined || limit === '') return DEFAULT_PULL_LIMIT;
  if (!/^\d{1,7}$/.test(limit)) return null;
  const n = Number(limit);
  if (n < 1) return null;
  return Math.min(n, MAX_PULL_LIMIT);
}
