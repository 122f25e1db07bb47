package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionEventsTest {

    /** An input is recorded with its producer's payload as it came (not re-serialised), and decodes to the same record. */
    @Test
    void anInputIsRecordedWithItsOwnPayload() {
        StoredEvent input = Fixtures.stored(Fixtures.snapshot(4, 1, 1, 3, 0, Map.of(7L, 5_000_000L, 9L, 1L)));
        Object decoded = SelectionEvents.decodeIntegration(input);
        NewEvent recorded = SelectionEvents.recordInput(UUID.randomUUID(), input, decoded);

        assertThat(recorded.eventType()).isEqualTo(SelectionEvents.STAKE_SNAPSHOT_RECORDED);
        assertThat(recorded.schemaVersion()).isEqualTo(IntegrationEvents.StakeSnapshotTaken.VERSION);
        assertThat(recorded.payload()).isSameAs(input.payload());
        StoredEvent stored = new StoredEvent(1, 1, recorded.eventId(), "selection", 1, recorded.eventType(),
                recorded.schemaVersion(), recorded.payload(), Map.of(), Instant.EPOCH);
        assertThat(SelectionEvents.isInput(stored)).isTrue();
        assertThat(SelectionEvents.decodeInput(stored)).isEqualTo(decoded);
    }
}
