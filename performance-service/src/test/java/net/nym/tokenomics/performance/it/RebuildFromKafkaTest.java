package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.RewardedSetSelected;
import net.nym.tokenomics.eventlog.inbox.Inbox;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.replay.KafkaLogImporter;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.application.LogFollower;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.application.PerformanceState;
import net.nym.tokenomics.performance.application.ReplayCheck;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuild from Kafka: the service's own topic alone, imported into an empty schema with event-log's
 * {@link KafkaLogImporter}, folds to the same state — the same per-epoch results and digests, recomputed from the
 * rebuilt log's inputs — and restores the consumers' inbox, so the inputs are not applied twice.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class RebuildFromKafkaTest {

    @Inject
    PerformanceApplication app;

    @Inject
    ReplayCheck replayCheck;

    private static List<IntegrationEvents.EpochPerformanceComputed> onKafka(long epoch) {
        return LocalInfra.readAll(Fixtures.topic("performance")).stream()
                .map(KafkaEnvelope::event)
                .filter(e -> IntegrationEvents.EpochPerformanceComputed.TYPE.equals(e.eventType()))
                .map(e -> IntegrationEvents.codec().decode(e, IntegrationEvents.EpochPerformanceComputed.class))
                .filter(e -> e.epochId() == epoch).toList();
    }

    @Test
    void aLogRebuiltFromItsTopicFoldsToTheSameResultsAndDigests() {
        EpochPerformanceTest.ensureReleases();
        long a = Fixtures.freshNodeId();
        long b = Fixtures.freshNodeId();
        Fixtures.bond(a, b);
        for (int i = 0; i < 3; i++) {
            Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED,
                    List.of(Fixtures.result(a, 90 - i), Fixtures.result(b, 40 + i)), Fixtures.nextTimestamp()))
                    .then().statusCode(200);
        }
        long epoch = Fixtures.freshEpoch();
        Fixtures.produce("selection", UUID.randomUUID(), new RewardedSetSelected(epoch, List.of(a), List.of(),
                List.of(b), List.of(), List.of(), List.of(), "seed", "proof"));
        Instant end = Instant.now().plusSeconds(60);
        StoredEvent ended = Fixtures.produce("selection", UUID.randomUUID(),
                new EpochEnded(epoch, 1, 0, end.minus(Duration.ofHours(1)), end, false));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> !onKafka(epoch).isEmpty());
        var published = onKafka(epoch).getFirst();
        assertThat(published.nodes()).extracting(IntegrationEvents.NodePerformance::nodeId).contains(a, b);

        // Everything logged so far is on the topic (the relay publishes in log order).
        long logged = Transactions.inTransaction(app.dataSource(), new EventStore()::count);
        String topic = Fixtures.topic("performance");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> LocalInfra.readAll(topic).size() >= logged);

        DataSource empty = LocalInfra.freshSchema("performance_rebuild");
        KafkaLogImporter.Result imported = new KafkaLogImporter().importTopic(empty, LocalInfra.kafkaConfig(), topic,
                "performance-rebuild");
        assertThat(imported.events()).isGreaterThanOrEqualTo(logged);

        // The consumers' inbox is restored from the causation metadata: the inputs would not be applied again.
        String epochConsumer = app.config().consumerPrefix() + ".epochs";
        assertThat(imported.inboxEntries()).isPositive();
        boolean inInbox = Transactions.inTransaction(empty, c -> new Inbox().contains(c, epochConsumer, ended.eventId()));
        assertThat(inInbox).isTrue();

        // The fold of the rebuilt log equals the service's state.
        PerformanceState rebuilt = app.newState();
        FollowerCatchUp.toHead(new LogFollower(empty, rebuilt), empty);
        FollowerCatchUp.toHead(app.follower(), app.dataSource());
        PerformanceState live = app.state();
        Map<Long, EpochPerformancePublished> liveEpochs = live.epochs();
        assertThat(rebuilt.epochs()).containsKey(epoch).isNotEmpty();
        rebuilt.epochs().forEach((e, result) -> assertThat(result).isEqualTo(liveEpochs.get(e)));
        assertThat(rebuilt.epochs().get(epoch).stateDigest()).isEqualTo(published.stateDigest());
        assertThat(rebuilt.rewardedSet()).isEqualTo(live.rewardedSet());
        assertThat(rebuilt.bondedNodes()).isEqualTo(live.bondedNodes());
        assertThat(rebuilt.releases()).isEqualTo(live.releases());
        assertThat(rebuilt.submissions()).isEqualTo(live.submissions());

        // Every epoch recomputed from the rebuilt log's own inputs gives the recorded results and digests — the same
        // digests as the service's log.
        ReplayCheck.Report fromKafka = replayCheck.run(empty);
        assertThat(fromKafka.mismatches()).isEmpty();
        assertThat(fromKafka.epochsChecked()).isEqualTo(rebuilt.epochs().size());
        assertThat(fromKafka.digests()).containsEntry(epoch, published.stateDigest());
        ReplayCheck.Report original = replayCheck.run();
        assertThat(original.mismatches()).isEmpty();
        assertThat(original.digests()).containsAllEntriesOf(fromKafka.digests());
    }
}
