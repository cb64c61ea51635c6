-- 001: documents, sentences, events, actor mentions and the dyad index.
-- Portable SQL: the same text runs on DuckDB and PostgreSQL.
CREATE TABLE documents (
    doc_id        TEXT PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,
    title         TEXT,
    url           TEXT,
    source        TEXT,
    language      TEXT,
    doc_date      TEXT,
    date_start    DATE,
    date_end      DATE,
    text          TEXT NOT NULL,
    meta          TEXT,
    added_at      TIMESTAMP
);

CREATE TABLE sentences (
    doc_id          TEXT NOT NULL,
    sentence_index  INTEGER NOT NULL,
    start_char      INTEGER,
    end_char        INTEGER,
    text            TEXT NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);

CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,
    doc_id          TEXT NOT NULL,
    sentence_index  INTEGER,
    sentence_start  INTEGER,
    sentence_end    INTEGER,
    type            TEXT NOT NULL,
    mode            TEXT,
    context         TEXT,
    aux             TEXT,
    quad            TEXT,
    score           DOUBLE PRECISION,
    trigger_text    TEXT,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    event_date      DATE,
    date_start      DATE,
    date_end        DATE,
    date_text       TEXT,
    date_precision  TEXT,
    place           TEXT,
    place_country   TEXT,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    mentions        INTEGER,
    language        TEXT,
    actor_codes     TEXT,
    recipient_codes TEXT,
    record          TEXT NOT NULL
);

CREATE TABLE actors (
    code    TEXT PRIMARY KEY,
    name    TEXT,
    sector  TEXT
);

CREATE TABLE mentions (
    event_id    TEXT NOT NULL,
    role        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    code        TEXT,
    text        TEXT,
    sector      TEXT,
    start_char  INTEGER,
    end_char    INTEGER,
    PRIMARY KEY (event_id, role, position)
);

CREATE TABLE dyads (
    event_id    TEXT NOT NULL,
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    event_date  DATE,
    type        TEXT,
    aux         TEXT,
    quad        TEXT,
    score       DOUBLE PRECISION,
    PRIMARY KEY (event_id, source, target)
);

CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX mentions_code ON mentions (code);
CREATE INDEX dyads_pair ON dyads (source, target);
