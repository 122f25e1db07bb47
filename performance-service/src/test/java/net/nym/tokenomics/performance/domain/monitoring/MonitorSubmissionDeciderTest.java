package net.nym.tokenomics.performance.domain.monitoring;

import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorSubmissionDeciderTest {

    private static final Instant NOW = Instant.parse("2026-05-16T12:00:00Z");
    private static final long TS = NOW.getEpochSecond() - 2;
    private static final String SIGNER = "MonitorKey1111";
    private static final Map<Long, BondedNode> BONDED = Map.of(
            1L, new BondedNode(1, "IdentOne"), 2L, new BondedNode(2, "IdentTwo"), 3L, new BondedNode(3, "IdentThree"));
    private static final SubmissionPolicy POLICY = new SubmissionPolicy(Duration.ofSeconds(5), 3);

    private static final String DIGEST = "d1";

    private static SubmitMonitoringResults valid() {
        return new SubmitMonitoringResults(MonitorKind.NODE,
                List.of(new MonitorResult(1, "IdentOne", 99), new MonitorResult(2, "IdentTwo", 0)),
                SIGNER, TS, true, DIGEST, NOW, BONDED, Set.of(SIGNER), POLICY);
    }

    /** The digest stands for the signed bytes: a command with other results or another timestamp gets another one. */
    private static SubmitMonitoringResults withResults(SubmitMonitoringResults c, List<MonitorResult> results) {
        return new SubmitMonitoringResults(c.kind(), results, c.signer(), c.timestamp(), c.signatureValid(),
                c.signedDigest() + "r" + results.hashCode(), c.receivedAt(), c.bondedNodes(), c.allowedSigners(), c.policy());
    }

    private static SubmitMonitoringResults withTimestamp(SubmitMonitoringResults c, long ts) {
        return new SubmitMonitoringResults(c.kind(), c.results(), c.signer(), ts, c.signatureValid(),
                c.signedDigest() + "t" + ts, c.receivedAt(), c.bondedNodes(), c.allowedSigners(), c.policy());
    }

    private static SubmitMonitoringResults withReceivedAt(SubmitMonitoringResults c, Instant receivedAt) {
        return new SubmitMonitoringResults(c.kind(), c.results(), c.signer(), c.timestamp(), c.signatureValid(),
                c.signedDigest(), receivedAt, c.bondedNodes(), c.allowedSigners(), c.policy());
    }

    record Case(String name, UnaryOperator<SubmitMonitoringResults> change, SubmissionRejection expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> rejections() {
        Duration f = POLICY.freshness();
        return List.of(
                new Case("unknown signer", c -> new SubmitMonitoringResults(c.kind(), c.results(), "Stranger", c.timestamp(),
                        true, DIGEST, c.receivedAt(), c.bondedNodes(), c.allowedSigners(), c.policy()),
                        new SubmissionRejection.UnknownSigner("Stranger")),
                new Case("bad signature", c -> new SubmitMonitoringResults(c.kind(), c.results(), c.signer(), c.timestamp(),
                        false, DIGEST, c.receivedAt(), c.bondedNodes(), c.allowedSigners(), c.policy()),
                        new SubmissionRejection.InvalidSignature(SIGNER)),
                new Case("exactly freshness old", c -> withTimestamp(c, NOW.getEpochSecond() - 5),
                        new SubmissionRejection.StaleTimestamp(NOW.getEpochSecond() - 5, NOW, f)),
                new Case("an hour old", c -> withTimestamp(c, NOW.getEpochSecond() - 3600),
                        new SubmissionRejection.StaleTimestamp(NOW.getEpochSecond() - 3600, NOW, f)),
                new Case("exactly freshness old, received late in its second",
                        c -> withReceivedAt(withTimestamp(c, NOW.getEpochSecond() - 5), NOW.plusMillis(999)),
                        new SubmissionRejection.StaleTimestamp(NOW.getEpochSecond() - 5, NOW.plusMillis(999), f)),
                new Case("Long.MIN_VALUE", c -> withTimestamp(c, Long.MIN_VALUE),
                        new SubmissionRejection.StaleTimestamp(Long.MIN_VALUE, NOW, f)),
                new Case("empty results", c -> withResults(c, List.of()), new SubmissionRejection.EmptyResults()),
                new Case("too many results", c -> withResults(c, List.of(new MonitorResult(1, "IdentOne", 1),
                        new MonitorResult(2, "IdentTwo", 1), new MonitorResult(3, "IdentThree", 1),
                        new MonitorResult(4, "x", 1))), new SubmissionRejection.TooManyResults(4, 3)),
                new Case("reliability above a u8", c -> withResults(c, List.of(new MonitorResult(1, "IdentOne", 256))),
                        new SubmissionRejection.ReliabilityOutOfRange(0, 1, 256)),
                new Case("negative reliability", c -> withResults(c, List.of(new MonitorResult(1, "IdentOne", 50),
                        new MonitorResult(2, "IdentTwo", -1))), new SubmissionRejection.ReliabilityOutOfRange(1, 2, -1)));
    }

    record Outcome(String name, List<MonitorResult> results, List<MonitorResult> usable, List<IgnoredResult> ignored) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Entries nym-api would store but that cannot be used: the submission is accepted, they are reported. */
    static List<Outcome> ignoredEntries() {
        MonitorResult one = new MonitorResult(1, "IdentOne", 90);
        return List.of(
                new Outcome("reliability 101", List.of(one, new MonitorResult(2, "IdentTwo", 101)), List.of(one),
                        List.of(new IgnoredResult(1, 2, IgnoredResult.Reason.RELIABILITY_ABOVE_100, "101 is above 100"))),
                new Outcome("reliability 255, nym-api's largest", List.of(new MonitorResult(2, "IdentTwo", 255), one),
                        List.of(one),
                        List.of(new IgnoredResult(0, 2, IgnoredResult.Reason.RELIABILITY_ABOVE_100, "255 is above 100"))),
                new Outcome("unknown node", List.of(new MonitorResult(77, "IdentOne", 50), one), List.of(one),
                        List.of(new IgnoredResult(0, 77, IgnoredResult.Reason.UNKNOWN_NODE, "node 77 is not bonded"))),
                new Outcome("identity mismatch", List.of(one, new MonitorResult(2, "IdentOne", 50)), List.of(one),
                        List.of(new IgnoredResult(1, 2, IgnoredResult.Reason.IDENTITY_MISMATCH,
                                "IdentOne is not node 2's bonded identity IdentTwo"))),
                new Outcome("duplicate node id: the first counts", List.of(one, new MonitorResult(1, "IdentOne", 60)),
                        List.of(one), List.of(new IgnoredResult(1, 1, IgnoredResult.Reason.DUPLICATE_NODE_ID,
                                "node 1 is already counted earlier in this submission"))),
                new Outcome("an unusable entry does not take a node's place",
                        List.of(new MonitorResult(1, "IdentTwo", 50), one), List.of(one),
                        List.of(new IgnoredResult(0, 1, IgnoredResult.Reason.IDENTITY_MISMATCH,
                                "IdentTwo is not node 1's bonded identity IdentOne"))),
                new Outcome("nothing usable", List.of(new MonitorResult(77, "x", 50)), List.of(),
                        List.of(new IgnoredResult(0, 77, IgnoredResult.Reason.UNKNOWN_NODE, "node 77 is not bonded"))));
    }

    @ParameterizedTest
    @MethodSource("ignoredEntries")
    void recordsTheUsableEntriesAndReportsTheOthers(Outcome o) {
        SubmitMonitoringResults c = withResults(valid(), o.results());
        var d = MonitorSubmissionDecider.decide(c, SubmissionLedger.empty(Duration.ofHours(1)));
        assertThat(d).isEqualTo(Decision.accept(new MonitoringResultsRecorded(MonitorKind.NODE, SIGNER, TS, NOW,
                o.usable(), c.signedDigest())));
        assertThat(MonitorSubmissionDecider.sort(c).ignored()).isEqualTo(o.ignored());
        assertThat(o.ignored()).allSatisfy(i -> assertThat(i.reason().code()).matches("[a-z0-9_]+"));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void rejects(Case c) {
        var d = MonitorSubmissionDecider.decide(c.change().apply(valid()), SubmissionLedger.empty(Duration.ofHours(1)));
        assertThat(d).isEqualTo(Decision.reject(c.expected()));
        assertThat(c.expected().message()).isNotBlank();
    }

    @Test
    void acceptsAFreshValidSubmission() {
        var d = MonitorSubmissionDecider.decide(valid(), SubmissionLedger.empty(Duration.ofHours(1)));
        assertThat(d).isEqualTo(Decision.accept(new MonitoringResultsRecorded(MonitorKind.NODE, SIGNER, TS, NOW,
                valid().results(), DIGEST)));
    }

    /** nym-api's {@code now − timestamp < 5} in whole seconds: 4 s old passes, and so does any future timestamp. */
    @Test
    void acceptsTimestampsInsideTheFreshnessWindowAndFromTheFuture() {
        SubmissionLedger empty = SubmissionLedger.empty(Duration.ofHours(1));
        for (long ts : new long[] {NOW.getEpochSecond() - 4, NOW.getEpochSecond(), NOW.getEpochSecond() + 6,
                NOW.getEpochSecond() + 86_400, Long.MAX_VALUE}) {
            assertThat(MonitorSubmissionDecider.decide(withTimestamp(valid(), ts), empty)).as("timestamp %d", ts)
                    .isInstanceOf(Decision.Accepted.class);
        }
        assertThat(MonitorSubmissionDecider.decide(withReceivedAt(withTimestamp(valid(), NOW.getEpochSecond() - 4),
                NOW.plusMillis(999)), empty)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void replayedSubmissionIsNotDoubleCounted() {
        SubmissionLedger state = SubmissionLedger.empty(Duration.ofHours(1));
        List<MonitoringResultsRecorded> log = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            var d = MonitorSubmissionDecider.decide(valid(), state);
            if (d instanceof Decision.Accepted<MonitoringResultsRecorded, SubmissionRejection> a) {
                for (MonitoringResultsRecorded e : a.events()) {
                    log.add(e);
                    state = MonitorSubmissionDecider.evolve(state, e);
                }
            } else {
                assertThat(d).isEqualTo(Decision.reject(new SubmissionRejection.DuplicateSubmission(
                        new SubmissionKey(SIGNER, MonitorKind.NODE, TS, DIGEST))));
            }
        }
        assertThat(log).hasSize(1);
        assertThat(log.stream().flatMap(e -> e.measurements().stream())).hasSize(2);
        // Other signed bytes with the same signer and timestamp (the monitor's next chunk), or another timestamp, are
        // another submission; the gateway endpoint has a stream of its own (the same bytes there: the event ids).
        assertThat(MonitorSubmissionDecider.decide(withResults(valid(), List.of(new MonitorResult(3, "IdentThree", 7))),
                state)).isInstanceOf(Decision.Accepted.class);
        assertThat(MonitorSubmissionDecider.decide(withTimestamp(valid(), TS + 1), state))
                .isInstanceOf(Decision.Accepted.class);
        var gateway = new SubmitMonitoringResults(MonitorKind.GATEWAY, valid().results(), SIGNER, TS, true, DIGEST, NOW,
                BONDED, Set.of(SIGNER), POLICY);
        assertThat(MonitorSubmissionDecider.decide(gateway, state)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void foldingTwiceGivesTheSameStateAndOldKeysArePruned() {
        List<MonitoringResultsRecorded> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant at = NOW.plus(Duration.ofMinutes(20L * i));
            events.add(new MonitoringResultsRecorded(MonitorKind.NODE, SIGNER, at.getEpochSecond() - 1, at,
                    List.of(new MonitorResult(1, "IdentOne", 90)), "d" + i));
        }
        SubmissionLedger a = SubmissionLedger.empty(Duration.ofHours(1));
        SubmissionLedger b = SubmissionLedger.empty(Duration.ofHours(1));
        for (var e : events) {
            a = MonitorSubmissionDecider.evolve(a, e);
        }
        for (var e : events) {
            b = MonitorSubmissionDecider.evolve(b, e);
        }
        assertThat(a).isEqualTo(b);
        // Only keys within the last hour of the newest receivedAt remain (keys of minutes 140, 160 and 180).
        assertThat(a.recentKeys()).hasSize(3);
        assertThat(a.contains(events.getFirst().key())).isFalse();
        assertThat(a.contains(events.getLast().key())).isTrue();
    }

    @Test
    void recordedMeasurementsCountAtReceivedAt() {
        var e = new MonitoringResultsRecorded(MonitorKind.GATEWAY, SIGNER, TS, NOW, valid().results());
        assertThat(e.measurements()).allSatisfy(m -> {
            assertThat(m.recordedAt()).isEqualTo(NOW);
            assertThat(m.kind()).isEqualTo(MonitorKind.GATEWAY);
            assertThat(m.monitor()).isEqualTo(SIGNER);
        });
    }

    @Test
    void canonicalSignedBytes() {
        List<MonitorResult> results = List.of(new MonitorResult(1, "4yRfauFmTQYKVDsmLh5GGpSU2xWKAzwBdmo8b2GKtwXU", 99),
                new MonitorResult(4294967295L, "q\"\\\n\u0001é", 0));
        String json = SignedMonitorPayload.canonicalJson(results);
        assertThat(json).isEqualTo("[{\"node_id\":1,\"identity\":\"4yRfauFmTQYKVDsmLh5GGpSU2xWKAzwBdmo8b2GKtwXU\","
                + "\"reliability\":99},{\"node_id\":4294967295,\"identity\":\"q\\\"\\\\\\n\\u0001é\",\"reliability\":0}]");
        byte[] bytes = SignedMonitorPayload.bytes(results, 0x0102030405060708L);
        byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(jsonBytes.length + 8);
        assertThat(java.util.Arrays.copyOf(bytes, jsonBytes.length)).isEqualTo(jsonBytes);
        assertThat(java.util.Arrays.copyOfRange(bytes, jsonBytes.length, bytes.length))
                .containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(java.util.Arrays.copyOfRange(SignedMonitorPayload.bytes(results, -2L), jsonBytes.length,
                jsonBytes.length + 8)).containsExactly(0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
    }
}
