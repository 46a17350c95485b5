// Small HTTP helpers for the sync handler: JSON answers, the protocol's error
// shape, and reading a request body with a hard size limit.

export class HttpError extends Error {
  /**
   * @param {number} status HTTP status
   * @param {string} code machine-readable error_code, e.g. INVALID_INPUT
   * @param {string} message plain message for people
   * @param {object} [options] { details, suggestedAction, headers }
   */
  constructor(status, code, message, { details = {}, suggestedAction, headers } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.suggestedAction = suggestedAction ?? defaultAction(status);
    this.headers = headers ?? {};
  }
}

function defaultAction(status) {
  if (status === 401) return 'Check the API key in the sync settings.';
  if (status === 400) return 'Fix the request; retrying it unchanged will fail again.';
  if (status === 404) return 'Check the URL; this server speaks sync protocol v1 under /api/sync/v1/.';
  if (status === 413) return 'Send fewer changes per request.';
  if (status === 503) return 'Retry later.';
  return 'Retry later; if the problem persists, contact the server operator.';
}

export function sendJson(res, status, body, headers = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

export function sendError(res, err) {
  sendJson(
    res,
    err.status,
    {
      success: false,
      error: err.message,
      error_code: err.code,
      details: err.details,
      suggested_action: err.suggestedAction,
    },
    err.headers,
  );
}

// How long a refused body may go on being discarded (see discardRest).
const DISCARD_MS = 5000;
const DISCARDING = Symbol('discarding request body');

/**
 * After a body was refused as too large, keeps reading and discarding what the
 * client still sends, until `maxTotal` bytes of body (counting the `read`
 * already read) or DISCARD_MS, so that the client can read the 413 instead of
 * seeing a reset connection (a "lingering close"). Past either bound the
 * connection is cut. Nothing is buffered.
 */
function discardRest(req, read, maxTotal) {
  if (req.readableEnded || req[DISCARDING]) return;
  req[DISCARDING] = true;
  let total = read;
  const timer = setTimeout(() => req.socket?.destroy(), DISCARD_MS);
  timer.unref();
  req.on('data', (chunk) => {
    total += chunk.length;
    if (total > maxTotal) req.socket?.destroy();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/**
 * Reads a request body into one Buffer, refusing bodies over `limit` bytes:
 * a declared Content-Length over the limit is refused before reading anything,
 * and buffering stops as soon as the bytes received pass the limit. Either way
 * the promise rejects with `tooLarge()`'s HttpError, and the rest of the body
 * is discarded up to twice the limit in all, then the connection is cut.
 */
export function readBody(req, { limit, tooLarge }) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      discardRest(req, 0, 2 * limit);
      reject(tooLarge());
      return;
    }
    const chunks = [];
    let received = 0;
    let done = false;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      cleanup();
      fn(value);
    };
    const onData = (chunk) => {
      received += chunk.length;
      if (received > limit) {
        chunks.length = 0;
        finish(reject, tooLarge());
        discardRest(req, received, 2 * limit);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(resolve, Buffer.concat(chunks, received));
    // The client went away mid-body: nobody will read the answer, but it must
    // not pass for a server or database failure.
    const cutShort = () =>
      finish(reject, new HttpError(400, 'INVALID_INPUT', 'The connection closed before the whole body was sent.'));
    const onError = cutShort;
    const onClose = cutShort;
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * For an answer given before the body was read (401, 400…): drops whatever
 * body follows, up to `limit` bytes, then cuts the connection (Node would
 * otherwise read an unread body to its end, however long).
 */
export function discardUnreadBody(req, limit) {
  discardRest(req, 0, limit);
}
