-- The history of Backup Sentinel: one schema for SQLite and PostgreSQL.
-- records: every piece of evidence, one hash chain across all kinds in append order (seq 1, 2, 3 ...).
--   hash = sha256(seq \n kind \n prev_hash \n body); see io.backupsentinel.store.Canonical.
--   at_ns, rule, account, region, tbl are derived from body for queries; the verifier re-derives them.
CREATE TABLE records (
    seq       BIGINT      NOT NULL PRIMARY KEY,
    kind      VARCHAR(16) NOT NULL,
    at_ns     BIGINT      NOT NULL,
    rule      TEXT,
    account   TEXT,
    region    TEXT,
    tbl       TEXT,
    body      TEXT        NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    hash      VARCHAR(64) NOT NULL
);
CREATE INDEX records_kind_at ON records (kind, at_ns);

-- The chain's head: one row, locked by every append so that writers never fork the chain.
CREATE TABLE chain_head (
    id   INTEGER     NOT NULL PRIMARY KEY,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);
INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The current finding of every open (rule, table): derived from the transitions in the same transaction,
-- kept through pruning so that the daemon restores its state from it at start.
CREATE TABLE open_findings (
    rule    TEXT   NOT NULL,
    account TEXT   NOT NULL,
    region  TEXT   NOT NULL,
    tbl     TEXT   NOT NULL,
    seq     BIGINT NOT NULL,
    finding TEXT   NOT NULL,
    PRIMARY KEY (rule, account, region, tbl)
);

-- Delivery state of outbox events: operational, not evidence, so outside the chain. id is the seq of the
-- event's 'outbox' record, which holds what was queued.
CREATE TABLE outbox (
    id              BIGINT      NOT NULL PRIMARY KEY,
    channel         TEXT        NOT NULL,
    dedup_key       TEXT        NOT NULL,
    action          TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    created_ns      BIGINT      NOT NULL,
    state           VARCHAR(16) NOT NULL,
    attempts        INTEGER     NOT NULL,
    next_attempt_ns BIGINT      NOT NULL,
    last_error      TEXT,
    done_ns         BIGINT
);
CREATE INDEX outbox_due ON outbox (channel, state, next_attempt_ns);

-- The open findings re-stated by the latest checkpoint (as they stood at its pruned seq), so the state at
-- any instant after the retention cut can be rebuilt. The checkpoint's body carries their count and digest;
-- only the latest checkpoint's set is kept.
CREATE TABLE checkpoint_open (
    checkpoint_seq BIGINT NOT NULL,
    rule           TEXT   NOT NULL,
    account        TEXT   NOT NULL,
    region         TEXT   NOT NULL,
    tbl            TEXT   NOT NULL,
    finding        TEXT   NOT NULL,
    PRIMARY KEY (checkpoint_seq, rule, account, region, tbl)
);
