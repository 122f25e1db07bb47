package net.nym.tokenomics.performance.persistence;

import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.config.ConfigScore;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.LegacyPerformance;
import net.nym.tokenomics.performance.domain.epoch.NodePerformance;
import net.nym.tokenomics.performance.domain.routing.RoutingProvider;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultColumns;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultPart;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceEventsTest {

    private static final EventCodec CODEC = PerformanceEvents.codec();

    private static NodePerformance node(long id, double routing, ConfigScore config, List<ScoreReason> reasons) {
        double score = routing * config.score();
        return new NodePerformance(id, "identity-" + id, routing, id % 7, config, score, Percent.naiveFromF64OrZero(score),
                LegacyPerformance.fromPerformanceScore(score), reasons);
    }

    private static EpochPerformancePublished published() {
        List<NodePerformance> nodes = List.of(
                node(1, 0.987, new ConfigScore(1.0, 0L, true, true, true), List.of()),
                node(2, 0.1 + 0.2, new ConfigScore(0.9557437015814467, 3L, true, true, true),
                        List.of(ScoreReason.OUTDATED_VERSION)),
                node(3, 0.0, ConfigScore.NOT_DESCRIBED, List.of(ScoreReason.NO_MEASUREMENTS, ScoreReason.NO_SELF_DESCRIPTION)),
                node(4, 0.5, ConfigScore.BAD_VERSION, List.of(ScoreReason.BAD_VERSION)),
                node(5, 1.0 / 3.0, new ConfigScore(0.0, 0L, true, false, false),
                        List.of(ScoreReason.NOT_NYM_NODE, ScoreReason.TERMS_NOT_ACCEPTED)));
        var result = new EpochPerformanceComputed(41, Instant.parse("2026-11-22T10:00:00Z"),
                Instant.parse("2026-11-23T10:00:00Z"), RoutingProvider.LEGACY, nodes);
        return new EpochPerformancePublished(41, new LogPosition(123, 456), 789L, "d".repeat(64), result);
    }

    private static StoredEvent stored(NewEvent e) {
        return new StoredEvent(1, 1, e.eventId(), "epoch-41-performance", 1, e.eventType(), e.schemaVersion(),
                e.payload(), Map.of(), Instant.EPOCH);
    }

    @Test
    void columnsStoreEveryValueOfTheResultExactly() throws Exception {
        EpochPerformancePublished p = published();
        var assembler = new PerformanceEvents.EpochResultAssembler();
        Optional<EpochPerformancePublished> back = Optional.empty();
        List<EpochPerformanceResultPart> parts = p.parts(2);
        assertThat(parts).hasSize(3);
        for (EpochPerformanceResultPart part : parts) {
            NewEvent e = CODEC.encode(UUID.randomUUID(), part);
            assertThat(e.eventType()).isEqualTo("EpochPerformanceResultColumns");
            assertThat(Json.mapper().readValue(e.payload(), EpochPerformanceResultColumns.class).toPart()).isEqualTo(part);
            var decoded = CODEC.decode(stored(e), EpochPerformanceResultPart.class);
            assertThat(decoded).isEqualTo(part);
            back = assembler.add(decoded);
        }
        assertThat(back).contains(p);
    }

    @Test
    void columnsAreLessThanHalfTheBytesOfTheObjectForm() {
        List<NodePerformance> many = new ArrayList<>();
        for (long id = 1; id <= 1000; id++) {
            many.add(node(id, 0.9 + id * 1e-5, new ConfigScore(1.0, 0L, true, true, true), List.of()));
        }
        var part = new EpochPerformanceResultPart(41, 0, 1, new LogPosition(1, 1), "d".repeat(64), Instant.EPOCH,
                Instant.EPOCH, RoutingProvider.LEGACY, many, 1L);
        int objects = Json.write(part).length();
        int columns = CODEC.encode(UUID.randomUUID(), part).payload().length();
        assertThat(columns).isLessThan(objects / 2);
    }

    @Test
    void logsWrittenBeforeTheColumnsStillDecode() throws Exception {
        EpochPerformanceResultPart part = published().parts(1000).getFirst();
        // The object form as it was stored before the inputs' event count was recorded.
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(Json.write(part));
        assertThat(json.remove("inputs_event_count")).isNotNull();
        NewEvent old = new NewEvent(UUID.randomUUID(), "EpochPerformanceResult", 1, Json.write(json), Map.of());
        EpochPerformanceResultPart decoded = (EpochPerformanceResultPart) CODEC.decode(stored(old));
        assertThat(decoded.inputsEventCount()).isNull();
        assertThat(decoded.nodes()).isEqualTo(part.nodes());
        assertThat(decoded.inputsUpTo()).isEqualTo(part.inputsUpTo());
        assertThat(decoded.stateDigest()).isEqualTo(part.stateDigest());
    }
}
