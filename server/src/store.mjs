// The change log in PostgreSQL: storing pushed changes idempotently and
// reading an account's changes back in server order.
import { LOCK_NAMESPACE } from './db.mjs';

// Advisory locks taken by push, one per account (second key: a hash of the account id).
const ACCOUNT_LOCK_NAMESPACE = LOCK_NAMESPACE + 1;

// A pull answer stops adding changes once their data passes this many bytes
// (it always holds at least one change), so answers stay a sane size even when
// every change is large. `more` tells the client to pull again.
export const MAX_PULL_BYTES = 8 * 1024 * 1024;

const INSERT_CHANGES = `
  INSERT INTO changes
    (account_id, device_id, profile_id, change_id, entity, entity_id, op, at, data, data_bytes)
  SELECT $1, $2, $3, c.change_id, c.entity, c.entity_id, c.op, c.at, c.data, c.data_bytes
  FROM unnest($4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::json[], $10::integer[])
       WITH ORDINALITY AS c (change_id, entity, entity_id, op, at, data, data_bytes, ord)
  ORDER BY c.ord
  ON CONFLICT (account_id, change_id) DO NOTHING`;

/**
 * Stores valid changes for an account; returns how many were new (the others
 * had been stored before: a retried push). Idempotency comes from the unique
 * (account_id, change_id) constraint and ON CONFLICT DO NOTHING, so it holds
 * under concurrent pushes too.
 *
 * Pull ordering: seq is a bigserial, and sequence numbers are handed out when
 * rows are inserted, not when transactions commit. Two concurrent pushes of one
 * account could otherwise commit out of seq order (the one holding seq 11
 * committing before the one holding seq 10), and a pull between the two commits
 * would return 11, move its cursor past 10, and never see 10. To rule that out,
 * each push takes a transaction-level advisory lock for its account before
 * inserting, so the pushes of one account run one after another: a push gets
 * its seqs only after the previous push of that account has committed (the lock
 * is released after the commit is visible), so every seq it takes is higher
 * than every seq already visible for the account. Pushes of different accounts
 * don't wait for each other (barring a hash collision of their lock keys, which
 * only costs a short wait), and pull needs no lock at all.
 */
export async function insertChanges(pool, { accountId, deviceId, profileId, changes }) {
  if (changes.length === 0) return 0;
  const datas = changes.map((c) => (c.data === null ? null : JSON.stringify(c.data)));
  const params = [
    accountId,
    deviceId,
    profileId,
    changes.map((c) => c.change_id),
    changes.map((c) => c.entity),
    changes.map((c) => c.entity_id),
    changes.map((c) => c.op),
    changes.map((c) => c.at),
    datas,
    datas.map((d) => (d === null ? 0 : Buffer.byteLength(d, 'utf8'))),
  ];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await lockAccountForPush(client, accountId);
    const result = await client.query(INSERT_CHANGES, params);
    await client.query('COMMIT');
    return result.rowCount;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Takes the account's push lock until the end of the client's current transaction. */
export async function lockAccountForPush(client, accountId) {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACCOUNT_LOCK_NAMESPACE, accountId]);
}

/**
 * Reads an account's changes after `cursor` (a seq, as a decimal string), at
 * most `limit` of them and about MAX_PULL_BYTES of data. Returns
 * { changes, nextCursor, more }.
 *
 * First the seqs and sizes are read (no data), to choose where the answer ends;
 * then the data of just those rows. Rows can't appear later with a seq inside
 * the chosen range (see insertChanges), so the two reads agree.
 */
export async function readChanges(pool, { accountId, cursor, limit, maxBytes = MAX_PULL_BYTES }) {
  const { rows: heads } = await pool.query(
    `SELECT seq, data_bytes FROM changes
     WHERE account_id = $1 AND seq > $2
     ORDER BY seq LIMIT $3`,
    [accountId, cursor, limit + 1],
  );
  let count = 0;
  let bytes = 0;
  while (count < Math.min(heads.length, limit)) {
    bytes += heads[count].data_bytes;
    if (count > 0 && bytes > maxBytes) break;
    count++;
  }
  if (count === 0) return { changes: [], nextCursor: cursor, more: false };

  const lastSeq = heads[count - 1].seq;
  const { rows } = await pool.query(
    `SELECT change_id, entity, entity_id, op, at, data FROM changes
     WHERE account_id = $1 AND seq > $2 AND seq <= $3
     ORDER BY seq`,
    [accountId, cursor, lastSeq],
  );
  const changes = rows.map((r) => ({
    change_id: r.change_id,
    entity: r.entity,
    entity_id: r.entity_id,
    op: r.op,
    at: r.at,
    data: r.data,
  }));
  return { changes, nextCursor: String(lastSeq), more: heads.length > count };
}

/** Resolves when the database answers, rejects otherwise (within `timeoutMs`). */
export async function pingDatabase(pool, timeoutMs = 3000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('database did not answer in time')), timeoutMs);
  });
  const query = pool.query('SELECT 1');
  query.catch(() => {}); // a late failure after the timeout won is not an unhandled rejection
  try {
    await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
