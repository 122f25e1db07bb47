package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.MonitoringResultsRecorded;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.ReleaseAppended;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeDeregistered;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.RewardedSetRecorded;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PerformanceStateCodec} on a state folded from events of every type: the bytes decode to a state that answers
 * every query the same and encode to the same bytes again; a snapshot of other retention settings is refused.
 */
class PerformanceStateCodecTest {

    private static final Duration RETENTION = Duration.ofHours(48);
    private static final Duration REPLAY = Duration.ofHours(1);
    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
    private static final PerformanceStateCodec CODEC = new PerformanceStateCodec(RETENTION, REPLAY, 2160);

    private final EventCodec codec = PerformanceEvents.codec();
    private final Map<String, Long> versions = new TreeMap<>();
    private final List<StoredEvent> log = new ArrayList<>();

    private void append(String stream, Object event) {
        NewEvent e = codec.encode(UUID.randomUUID(), event);
        long version = versions.merge(stream, 1L, Long::sum);
        long position = log.size() + 1;
        log.add(new StoredEvent(position, 1000 + position, e.eventId(), stream, version, e.eventType(), e.schemaVersion(),
                e.payload(), e.metadata(), T));
    }

    private PerformanceState folded() {
        for (long id = 1; id <= 3; id++) {
            append(PerformanceEvents.REGISTRY_STREAM, new NodeRegistered(id, "identity-" + id, "10.0.0." + id, 8080,
                    true, id == 2, false, 1));
        }
        append(PerformanceEvents.REGISTRY_STREAM, new NodeDeregistered(3, 2));
        // two monitors at one receive time, then one of them again: their order is kept
        append("monitor-node-s2", new MonitoringResultsRecorded(MonitorKind.NODE, "s2", T.getEpochSecond(), T,
                List.of(new MonitorResult(2, "identity-2", 70), new MonitorResult(1, "identity-1", 95))));
        append("monitor-gateway-s1", new MonitoringResultsRecorded(MonitorKind.GATEWAY, "s1", T.getEpochSecond(), T,
                List.of(new MonitorResult(2, "identity-2", 60))));
        append("monitor-node-s2", new MonitoringResultsRecorded(MonitorKind.NODE, "s2", T.getEpochSecond() + 10,
                T.plusSeconds(10), List.of(new MonitorResult(1, "identity-1", 91))));
        append(PerformanceEvents.selfDescriptionStream(1), new NodeFact.NodeDescribed(1, T, true, "nym-node", "1.2.0",
                new NodeRoles(true, false, false), true));
        append(PerformanceEvents.selfDescriptionStream(1), new NodeFact.NodeDescribed(1, T.plusSeconds(60), true,
                "nym-node", "1.2.1", new NodeRoles(true, true, false), false));
        append(PerformanceEvents.selfDescriptionStream(2), new NodeFact.NodeUnreachable(2, T, "connection refused"));
        ReleaseHistory chain = ReleaseHistory.EMPTY;
        for (String v : List.of("1.2.0", "1.2.1")) {
            ReleaseAppended r = new ReleaseAppended(chain.nextEntry(
                    net.nym.tokenomics.performance.domain.version.Semver.parse(v), T));
            chain = chain.with(r.entry());
            append(PerformanceEvents.RELEASES_STREAM, r);
        }
        append(PerformanceEvents.rewardedSetStream(7), new RewardedSetRecorded(7, List.of(2L), List.of(), List.of(1L),
                List.of(), List.of(), List.of()));
        PerformanceState s = new PerformanceState(RETENTION, REPLAY, 2160);
        log.forEach(s::apply);
        return s;
    }

    @Test
    void aDecodedStateAnswersEveryQueryAsTheFoldAndEncodesToTheSameBytes() {
        PerformanceState original = folded();
        byte[] bytes = CODEC.encode(original);
        PerformanceState decoded = CODEC.decode(bytes);
        decoded.resumeAfter(log.getLast());

        assertThat(CODEC.encode(decoded)).isEqualTo(bytes);
        assertThat(decoded.position()).isEqualTo(original.position());
        assertThat(decoded.lastEventId()).isEqualTo(original.lastEventId());
        assertThat(decoded.appliedEvents()).isEqualTo(original.appliedEvents()).isEqualTo(log.size());
        versions.keySet().forEach(stream -> assertThat(decoded.streamVersion(stream)).isEqualTo(original.streamVersion(stream)));
        assertThat(decoded.bondedRegistrations()).isEqualTo(original.bondedRegistrations()).hasSize(2);
        assertThat(decoded.registration(3)).isEqualTo(original.registration(3)).isPresent();
        assertThat(decoded.bondedNodes()).isEqualTo(original.bondedNodes());
        assertThat(decoded.submissions()).isEqualTo(original.submissions());
        assertThat(decoded.releases()).isEqualTo(original.releases());
        assertThat(decoded.rewardedSet()).isEqualTo(original.rewardedSet());
        assertThat(decoded.selfDescriptions(1)).isEqualTo(original.selfDescriptions(1));
        assertThat(decoded.selfDescriptions(2)).isEqualTo(original.selfDescriptions(2));
        var inputs = decoded.epochInputs(T.plusSeconds(3600), Duration.ofHours(24));
        assertThat(inputs).isEqualTo(original.epochInputs(T.plusSeconds(3600), Duration.ofHours(24)));
        assertThat(inputs.measurementCount()).isEqualTo(4);
        // canonical: sorted properties, decimals and instants as strings
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"applied_events\":" + log.size() + ",")
                .contains("\"newest_measurement\":\"2026-11-30T10:00:10Z\"");
    }

    @Test
    void aSnapshotOfOtherRetentionSettingsIsNotDecoded() {
        byte[] bytes = CODEC.encode(folded());
        assertThatThrownBy(() -> new PerformanceStateCodec(Duration.ofHours(24), REPLAY, 2160).decode(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken with retention PT48H");
        assertThatThrownBy(() -> new PerformanceStateCodec(RETENTION, REPLAY, 10).decode(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2160 retained epochs");
    }

    @Test
    void bytesThatAreNotThisFormatAreNotDecoded() {
        assertThatThrownBy(() -> CODEC.decode("{\"applied_events\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
