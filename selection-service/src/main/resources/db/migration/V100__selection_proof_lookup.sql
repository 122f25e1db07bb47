-- GET /v1/epochs/{e}/selection-proof reads one logged selection by epoch id; without this index it scans every proof.
CREATE INDEX IF NOT EXISTS event_log_selection_proof_epoch_idx
    ON event_log (stream_id, ((payload ->> 'epoch_id')::bigint))
    WHERE event_type = 'selection.RewardedSetSelected';
