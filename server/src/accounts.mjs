// Accounts and their API keys. A key is shown once when made; only its SHA-256
// hash is stored, and a request's key is looked up by that hash.
import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'jgs_';

/** A new random API key: 'jgs_' + 43 URL-safe characters (256 bits). */
export function generateApiKey() {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** SHA-256 of the key's UTF-8 bytes, as a Buffer (stored as bytea). */
export function hashApiKey(key) {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Creates an account with a fresh key. Returns { id, name, key } — the only time the key is known. */
export async function createAccount(pool, name) {
  if (typeof name !== 'string' || name.trim() === '') throw new Error('an account needs a name');
  const key = generateApiKey();
  const { rows } = await pool.query(
    'INSERT INTO accounts (name, key_hash) VALUES ($1, $2) RETURNING id',
    [name.trim(), hashApiKey(key)],
  );
  return { id: rows[0].id, name: name.trim(), key };
}

/**
 * Makes sure an account with this exact key exists (for tests and fixed
 * development setups). Returns its id. Idempotent.
 */
export async function ensureAccount(pool, name, key) {
  if (typeof key !== 'string' || key.length < 8) throw new Error('a seeded API key needs at least 8 characters');
  const keyHash = hashApiKey(key);
  await pool.query(
    'INSERT INTO accounts (name, key_hash) VALUES ($1, $2) ON CONFLICT (key_hash) DO NOTHING',
    [name, keyHash],
  );
  const { rows } = await pool.query('SELECT id FROM accounts WHERE key_hash = $1', [keyHash]);
  return rows[0].id;
}

/** The account that owns this key, as { id, name }, or null. */
export async function findAccountByKey(pool, key) {
  if (typeof key !== 'string' || key === '') return null;
  const { rows } = await pool.query('SELECT id, name FROM accounts WHERE key_hash = $1', [hashApiKey(key)]);
  return rows[0] ?? null;
}

/**
 * Parses seed accounts written as "name:key,name:key" (the
 * JOBGATE_SYNC_SEED_ACCOUNTS variable and --seed-account option).
 */
export function parseSeedAccounts(text) {
  if (!text) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry, n) => {
      const i = entry.indexOf(':');
      // The message names the entry by position only: the entry may hold a key.
      if (i <= 0 || i === entry.length - 1) throw new Error(`seed account #${n + 1} must be written name:key`);
      return { name: entry.slice(0, i), key: entry.slice(i + 1) };
    });
}
