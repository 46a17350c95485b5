// Migrations: applied once, in order, idempotent, and safe when servers start at once.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createPool, listMigrations, migrate } from '../src/db.mjs';
import { createTestDatabase } from '../testing/pg-cluster.mjs';

describe('migrations', { timeout: 60_000 }, () => {
  let db;
  let pool;
  before(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url);
  });
  after(async () => {
    await pool?.end();
    await db?.drop();
  });

  test('three servers migrating at once apply each migration exactly once', async () => {
    const versions = (await listMigrations()).map((m) => m.version);
    assert.ok(versions.length >= 1);
    const results = await Promise.all([migrate(pool), migrate(pool), migrate(pool)]);
    assert.deepEqual(results.flat().sort((a, b) => a - b), versions, 'one of them applied everything');
    assert.equal(results.filter((r) => r.length > 0).length, 1);
    const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows.map((r) => r.version), versions);
  });

  test('migrating again changes nothing', async () => {
    assert.deepEqual(await migrate(pool), []);
    const { rows } = await pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    assert.deepEqual(rows.map((r) => r.table_name), ['accounts', 'changes', 'schema_migrations']);
  });

  test('a failing migration leaves nothing half-applied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jobgate-migrations-'));
    try {
      await writeFile(join(dir, '001_init.sql'), 'SELECT 1;');
      await writeFile(join(dir, '900_ok.sql'), 'CREATE TABLE half_done (id int);');
      await writeFile(join(dir, '901_broken.sql'), 'CREATE TABLE nope (;');
      await assert.rejects(migrate(pool, { dir }));
      const { rows } = await pool.query(`SELECT to_regclass('half_done') AS t, max(version) AS v FROM schema_migrations`);
      assert.deepEqual(rows[0], { t: null, v: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('migration files must be named NNN_name.sql, with distinct numbers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jobgate-migrations-'));
    try {
      await writeFile(join(dir, 'init.sql'), '');
      await assert.rejects(listMigrations(dir), /NNN_name\.sql/);
      await rm(join(dir, 'init.sql'));
      await writeFile(join(dir, '002_a.sql'), '');
      await writeFile(join(dir, '02_b.sql'), '');
      await assert.rejects(listMigrations(dir), /two migrations have version 2/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
