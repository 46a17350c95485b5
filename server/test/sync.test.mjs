// Push and pull against a real server and PostgreSQL: health, round trips,
// idempotent and concurrent pushes, paging in server order, account isolation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lockAccountForPush } from '../src/store.mjs';
import { API, makeChange, makeChanges, pullAll, startTestServer, syncClient } from '../testing/fixtures.mjs';

describe('sync protocol v1', { timeout: 60_000 }, () => {
  let server;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.close());

  const storedRows = async (accountId) =>
    Number((await server.pool.query('SELECT count(*) FROM changes WHERE account_id = $1', [accountId])).rows[0].count);

  test('health answers ok and the protocol version, without a key', async () => {
    const res = await syncClient(server.url, undefined).request('GET', `${API}/health`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(res.body, { status: 'ok', protocol: 1 });
  });

  test('a push comes back from pull exactly as pushed', async () => {
    const { key } = await server.newAccount();
    const device = syncClient(server.url, key);
    const changes = [
      makeChange({ entity: 'cv' }),
      makeChange({ entity: 'cv_version' }),
      makeChange({ entity: 'analysis' }),
      makeChange({ entity: 'builder_session' }),
      makeChange({ entity: 'export' }),
      makeChange({ entity: 'cv', op: 'delete', at: '2024-05-01T12:00:00.123456+02:00' }),
      makeChange({
        entity: 'cv_version',
        data: {
          text: 'NUL \u0000, tab \t, quote ", backslash \\, emoji 🚀, Arabic مرحبا',
          numbers: [0, -1, 3.25, 1e21, 12345678901234],
          nested: { empty: {}, list: [], flag: false, nothing: null },
        },
      }),
    ];
    const pushed = await device.push(changes);
    assert.equal(pushed.status, 200);
    assert.deepEqual(pushed.body, { accepted: changes.map((c) => c.change_id), rejected: [] });

    const pulled = await device.pull();
    assert.equal(pulled.status, 200);
    assert.deepEqual(pulled.body.changes, changes);
    assert.equal(pulled.body.more, false);
    assert.equal(typeof pulled.body.next_cursor, 'string');

    const again = await device.pull(pulled.body.next_cursor);
    assert.deepEqual(again.body, { changes: [], next_cursor: pulled.body.next_cursor, more: false });
  });

  test('an empty push is accepted', async () => {
    const { key } = await server.newAccount();
    const res = await syncClient(server.url, key).push([]);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { accepted: [], rejected: [] });
  });

  test('a pushed change id is accepted again with no effect (retry)', async () => {
    const { id, key } = await server.newAccount();
    const device = syncClient(server.url, key);
    const batch = makeChanges(5);
    const first = await device.push(batch);
    assert.deepEqual(first.body.accepted, batch.map((c) => c.change_id));

    // A retry of the same batch, plus a repeat inside one push.
    const retry = await device.push([...batch, batch[0]]);
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, { accepted: [...batch, batch[0]].map((c) => c.change_id), rejected: [] });

    assert.equal(await storedRows(id), 5);
    const { changes } = await pullAll(device);
    assert.deepEqual(changes, batch);
  });

  test('the same batch pushed 10 times at once is stored once', async () => {
    const { id, key } = await server.newAccount();
    const device = syncClient(server.url, key);
    const batch = makeChanges(20);
    const results = await Promise.all(Array.from({ length: 10 }, () => device.push(batch)));
    for (const res of results) {
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { accepted: batch.map((c) => c.change_id), rejected: [] });
    }
    assert.equal(await storedRows(id), 20);
    const { changes } = await pullAll(device);
    assert.deepEqual(changes, batch);
  });

  test('two devices push at once; a third pulls everything in order, page by page', async () => {
    const { key } = await server.newAccount();
    const profileId = crypto.randomUUID();
    const laptop = syncClient(server.url, key, { profileId });
    const desktop = syncClient(server.url, key, { profileId });
    const phone = syncClient(server.url, key, { profileId });
    const batchesOf = () => Array.from({ length: 6 }, () => makeChanges(15));
    const laptopBatches = batchesOf();
    const desktopBatches = batchesOf();
    const pushAll = async (device, batches) => {
      for (const batch of batches) {
        const res = await device.push(batch);
        assert.equal(res.status, 200);
        assert.equal(res.body.accepted.length, batch.length);
      }
    };

    // The phone keeps pulling while the others push: with pushes committing
    // concurrently, it must neither miss a change nor see one twice.
    let pushing = true;
    const seenWhilePushing = [];
    let cursor = '';
    const puller = (async () => {
      while (pushing) {
        const res = await phone.pull(cursor, 7);
        assert.equal(res.status, 200);
        seenWhilePushing.push(...res.body.changes);
        cursor = res.body.next_cursor;
      }
    })();
    await Promise.all([pushAll(laptop, laptopBatches), pushAll(desktop, desktopBatches)]);
    pushing = false;
    await puller;
    const rest = await pullAll(phone, { since: cursor, limit: 7 });
    const incremental = [...seenWhilePushing, ...rest.changes];

    const all = await pullAll(phone, { limit: 7 });
    assert.equal(all.changes.length, 180);
    assert.equal(all.pages, Math.ceil(180 / 7));
    const cursors = all.cursors.map(BigInt);
    for (let i = 1; i < cursors.length; i++) assert.ok(cursors[i] > cursors[i - 1], 'cursors only grow');
    assert.deepEqual(incremental, all.changes, 'pulling during the pushes saw the same changes in the same order');

    // Each device's changes come back in the order it pushed them, and no change twice.
    const ids = all.changes.map((c) => c.change_id);
    assert.equal(new Set(ids).size, 180);
    for (const batches of [laptopBatches, desktopBatches]) {
      const mine = new Set(batches.flat().map((c) => c.change_id));
      assert.deepEqual(
        all.changes.filter((c) => mine.has(c.change_id)),
        batches.flat(),
      );
    }
  });

  test('pushes of one account wait for each other, so pull never skips a later-committed change', async () => {
    const { id, key } = await server.newAccount();
    const device = syncClient(server.url, key);
    // Hold the account's push lock as a slow push in flight would.
    const slow = await server.pool.connect();
    try {
      await slow.query('BEGIN');
      await lockAccountForPush(slow, id);
      const slowChange = makeChange();
      await slow.query(
        `INSERT INTO changes (account_id, device_id, profile_id, change_id, entity, entity_id, op, at, data, data_bytes)
         VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, 0)`,
        [id, crypto.randomUUID(), slowChange.change_id, 'cv', slowChange.entity_id, 'upsert', slowChange.at, '{}'],
      );
      const fastChange = makeChange();
      let fastDone = false;
      const fast = device.push([fastChange]).then((res) => {
        fastDone = true;
        return res;
      });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(fastDone, false, 'the second push waits for the first to commit');
      assert.deepEqual((await device.pull()).body.changes, [], 'nothing uncommitted is visible');
      await slow.query('COMMIT');
      assert.equal((await fast).status, 200);
      const ids = (await pullAll(device)).changes.map((c) => c.change_id);
      assert.deepEqual(ids, [slowChange.change_id, fastChange.change_id]);
    } finally {
      await slow.query('ROLLBACK').catch(() => {});
      slow.release();
    }
  });

  test('pull pages by limit (default 500, at most 1000)', async () => {
    const { key } = await server.newAccount();
    const device = syncClient(server.url, key);
    const pushed = [];
    for (let i = 0; i < 11; i++) {
      const batch = makeChanges(100, { entity: 'builder_session' });
      assert.equal((await device.push(batch)).status, 200);
      pushed.push(...batch);
    }
    const first = await device.pull();
    assert.equal(first.body.changes.length, 500);
    assert.equal(first.body.more, true);
    const big = await device.pull('', 5000);
    assert.equal(big.status, 200);
    assert.equal(big.body.changes.length, 1000);
    assert.equal(big.body.more, true);
    const all = await pullAll(device, { limit: 1000 });
    assert.deepEqual(all.changes, pushed);
    assert.equal(all.pages, 2);
  });

  test('pull also caps a page by the size of its data', async () => {
    const { key } = await server.newAccount();
    const device = syncClient(server.url, key);
    const big = () => makeChange({ entity: 'cv_version', data: { structured_data: 'x'.repeat(3 * 1024 * 1024) } });
    const pushed = [big(), big(), big(), makeChange()];
    for (const change of pushed) assert.equal((await device.push([change])).status, 200);
    const first = await device.pull();
    assert.equal(first.body.changes.length, 2, 'two 3 MB changes fit in one answer, a third does not');
    assert.equal(first.body.more, true);
    const all = await pullAll(device);
    assert.deepEqual(all.changes, pushed);
  });

  test('accounts are isolated', async () => {
    const a = await server.newAccount('a');
    const b = await server.newAccount('b');
    const deviceA = syncClient(server.url, a.key);
    const deviceB = syncClient(server.url, b.key);
    const changesA = makeChanges(3);
    assert.equal((await deviceA.push(changesA)).status, 200);

    const seenByB = await deviceB.pull();
    assert.deepEqual(seenByB.body, { changes: [], next_cursor: '0', more: false });

    // The same change id in another account is a different change.
    const changeB = { ...makeChange(), change_id: changesA[0].change_id };
    assert.deepEqual((await deviceB.push([changeB])).body, { accepted: [changeB.change_id], rejected: [] });
    assert.deepEqual((await pullAll(deviceB)).changes, [changeB]);
    assert.deepEqual((await pullAll(deviceA)).changes, changesA);
  });

  test('UUIDs are accepted in any case and come back in lower case', async () => {
    const { key } = await server.newAccount();
    const device = syncClient(server.url, key);
    const change = makeChange();
    const upper = { ...change, change_id: change.change_id.toUpperCase(), entity_id: change.entity_id.toUpperCase() };
    assert.deepEqual((await device.push([upper])).body, { accepted: [upper.change_id], rejected: [] });
    assert.deepEqual((await device.push([change])).body.accepted, [change.change_id]);
    assert.deepEqual((await pullAll(device)).changes, [change]);
  });
});
