-- Snapshots of a service's fold of one stream (see docs/adr/0011). NOT part of the log: rows are replaced and pruned,
-- never published, and may be deleted at any time (the fold then starts from the first event). A snapshot is used
-- only if the log still holds last_event_id at stream_version and SHA-256(state) = digest. Written and read only by
-- event-log's SnapshotStore. State bytes are compressed with lz4, as event payloads (V2).
CREATE TABLE snapshot (
    stream         text        NOT NULL,
    stream_version bigint      NOT NULL CHECK (stream_version > 0),
    last_event_id  uuid        NOT NULL,
    format         text        NOT NULL,
    digest         text        NOT NULL,
    state          bytea       NOT NULL,
    taken_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream, format, stream_version)
);
ALTER TABLE snapshot ALTER COLUMN state SET COMPRESSION lz4;
