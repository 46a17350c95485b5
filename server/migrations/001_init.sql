-- 001: accounts (one per API key, only the key's SHA-256 stored) and the
-- change log that devices push and pull.

CREATE TABLE accounts (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text        NOT NULL,
  key_hash   bytea       NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per accepted change, in server order (seq). Pull reads an account's
-- rows by seq; the unique (account_id, change_id) makes pushes idempotent.
CREATE TABLE changes (
  seq         bigserial   PRIMARY KEY,
  account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  change_id   uuid        NOT NULL,
  device_id   uuid        NOT NULL,
  profile_id  uuid        NOT NULL,
  entity      text        NOT NULL
              CHECK (entity IN ('cv', 'cv_version', 'analysis', 'builder_session', 'export')),
  entity_id   uuid        NOT NULL,
  op          text        NOT NULL CHECK (op IN ('upsert', 'delete')),
  -- 'at' exactly as the device wrote it (RFC 3339, validated by the server).
  at          text        NOT NULL,
  -- json, not jsonb: kept as sent (key order included), and jsonb would refuse
  -- strings holding \u0000, which text taken from documents can contain.
  data        json,
  -- Length of data's JSON text in bytes (0 for a delete), so that pull can cap
  -- the size of an answer before it fetches any data.
  data_bytes  integer     NOT NULL CHECK (data_bytes >= 0),
  received_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT changes_account_change_unique UNIQUE (account_id, change_id),
  CONSTRAINT changes_data_matches_op CHECK ((op = 'upsert') = (data IS NOT NULL))
);

CREATE INDEX changes_account_seq ON changes (account_id, seq);
