-- Event payloads are compressed with lz4 instead of PostgreSQL's default pglz: a per-epoch result (a 100,000-node stake
-- snapshot or selection proof, 5-9 MB) is stored in about half the time, and a rebuild's COPY is faster too. Reading
-- is transparent; rows written before this migration keep pglz. Needs a server built with lz4 (Debian's and the
-- CloudNativePG images are). See docs/adr/0002.
ALTER TABLE event_log ALTER COLUMN payload SET COMPRESSION lz4;
ALTER TABLE event_log ALTER COLUMN metadata SET COMPRESSION lz4;
