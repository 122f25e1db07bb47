package net.nym.tokenomics.audit;

import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rewards audit over a topic it cannot fold: what it reports instead of failing. */
class RewardsAuditTest {

    private static TopicLog.Sequenced sequenced(long seq, Object ledgerEvent) {
        NewEvent e = new LedgerEventCodec().encode(UUID.nameUUIDFromBytes(("r" + seq).getBytes()), ledgerEvent);
        return new TopicLog.Sequenced(seq, new StoredEvent(seq, 100 + seq, e.eventId(), "ledger", seq, e.eventType(),
                e.schemaVersion(), e.payload(), Map.of(), Instant.parse("2026-01-01T00:00:00Z")));
    }

    private static TopicLog empty(String topic) {
        return new TopicLog(topic, List.of(), List.of());
    }

    @Test
    void aTopicThatLostItsGenesisIsReportedAsFindingsNotAnError() {
        // Log-seq 1 (the genesis) is gone: the first event left is a bonding, which needs the genesis's globals.
        LedgerEvent bonded = new LedgerEvent.NodeBonded(Instant.parse("2026-01-01T00:00:01Z"), 1, "n1owner", "identity-1",
                Unym.of(100_000_000), NodeCostParams.DEFAULT, 0);
        TopicLog rewards = new TopicLog("rewards-topic", List.of(sequenced(2, bonded)),
                List.of("log-seq 1 missing (next present: 2)"));

        Audit.Report report = Audit.audit(empty("selection-topic"), empty("performance-topic"), empty("ticket-topic"),
                rewards, Map.of(), m -> { });

        assertThat(report.passed()).isFalse();
        assertThat(report.findings()).extracting(Finding::check).containsExactly("topic.sequence", "rewards.fold");
        assertThat(report.firstMismatch()).hasValueSatisfying(f -> assertThat(f.what()).contains("log-seq 1 missing"));
        assertThat(report.findings().get(1).where()).contains("log-seq 2").contains("NodeBonded");
        assertThat(report.rewardsRecomputed()).isZero();
    }
}
