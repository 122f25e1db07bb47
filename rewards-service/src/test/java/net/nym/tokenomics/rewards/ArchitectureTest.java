package net.nym.tokenomics.rewards;

import net.nym.tokenomics.eventlog.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared architecture rules (domain pure, no clock or ambient randomness in it, SQL only in persistence; each rule
 * fails when it matches no class) and: no source of this module names the {@code event_log} table.
 */
class ArchitectureTest {

    @Test
    void theSharedRulesHold() {
        ArchitectureRules.forService("net.nym.tokenomics.rewards").checkAll();
    }

    @Test
    void onlySnapshotStoreTouchesTheSnapshotTable() {
        assertThat(ArchitectureRules.sourcesNamingTheSnapshotTable(Path.of(""))).isEmpty();
    }

    @Test
    void onlyEventStoreTouchesTheEventLogTable() {
        assertThat(ArchitectureRules.sourcesNamingTheEventLogTable(Path.of(""))).isEmpty();
    }
}
