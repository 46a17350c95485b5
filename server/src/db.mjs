// PostgreSQL access: the connection pool and the schema migrations
// (numbered SQL files in server/migrations, applied once each, in order).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

// Advisory lock keys (two int4 keys: namespace, object). The namespace is
// arbitrary but fixed so these locks don't collide with other users of the database.
export const LOCK_NAMESPACE = 0x4a475331; // "JGS1"
export const MIGRATION_LOCK = 1;

/**
 * A connection pool. `options` are passed to pg.Pool; a connection attempt
 * gives up after 5 s so that an unreachable database fails requests quickly.
 */
export function createPool(databaseUrl, options = {}) {
  if (!databaseUrl) throw new Error('no database URL (set DATABASE_URL or pass --database-url)');
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
    application_name: 'jobgate-sync-server',
    ...options,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

/** The migration files in `dir`, as [{ version, name, file }] sorted by version. */
export async function listMigrations(dir = MIGRATIONS_DIR) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql'));
  const migrations = files.map((file) => {
    const m = /^(\d+)_([A-Za-z0-9_-]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file ${file} must be named NNN_name.sql`);
    return { version: Number(m[1]), name: m[2], file };
  });
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version === migrations[i - 1].version) {
      throw new Error(`two migrations have version ${migrations[i].version}`);
    }
  }
  return migrations;
}

/**
 * Applies the migrations not yet applied, all in one transaction, and returns
 * the versions it applied. A transaction-level advisory lock serialises servers
 * that start at once: the second waits, then finds nothing left to do.
 */
export async function migrate(pool, { dir = MIGRATIONS_DIR } = {}) {
  const migrations = await listMigrations(dir);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer     PRIMARY KEY,
      name       text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      const sql = await readFile(join(dir, m.file), 'utf8');
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    await client.query('COMMIT');
    return done;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * True when `err` means the database could not be reached (refused, reset,
 * timed out, shutting down) rather than that a query was wrong.
 */
export function isConnectionError(err) {
  if (!err) return false;
  const codes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN'];
  if (codes.includes(err.code)) return true;
  // SQLSTATE class 08 (connection exception) and 57P0x (server shutting down, cannot connect now).
  if (typeof err.code === 'string' && (/^08/.test(err.code) || /^57P0[1-3]$/.test(err.code))) return true;
  return /timeout exceeded when trying to connect|Connection terminated/i.test(err.message ?? '');
}
