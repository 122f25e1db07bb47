package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

/** Signed monitor submissions through REST against the real PostgreSQL and Kafka: what is accepted, what is refused. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class MonitorSubmissionTest {

    @Inject
    DataSource dataSource;

    long a;
    long b;

    @BeforeEach
    void bondTwoNodes() {
        a = Fixtures.freshNodeId();
        b = Fixtures.freshNodeId();
        Fixtures.bond(a, b);
    }

    /** Every recorded measurement of {@code nodeId} in this service's log (any stream, any monitor). */
    private List<StoredEvent> recordedFor(long nodeId) {
        List<StoredEvent> all = Transactions.inTransaction(dataSource, c -> {
            List<StoredEvent> out = new ArrayList<>();
            for (String stream : List.of("monitor-node-" + MonitorKeys.publicKey(MonitorKeys.ALLOWED),
                    "monitor-gateway-" + MonitorKeys.publicKey(MonitorKeys.ALLOWED),
                    "monitor-node-" + MonitorKeys.publicKey(MonitorKeys.STRANGER))) {
                out.addAll(new EventStore().readStream(c, stream));
            }
            return out;
        });
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"node_id\":" + nodeId + "[,}]");
        return all.stream().filter(e -> id.matcher(compact(e)).find()).toList();
    }

    private static String compact(StoredEvent e) {
        return e.payload().replaceAll("\\s", "");
    }

    @Test
    void aSignedSubmissionIsRecordedAsAnEvent() {
        long ts = Fixtures.nextTimestamp();
        List<MonitorResult> results = List.of(Fixtures.result(a, 99), Fixtures.result(b, 50));
        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED, results, ts)).then().statusCode(200)
                .body("recorded", equalTo(2));
        List<StoredEvent> recorded = recordedFor(a);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.getFirst().eventType()).isEqualTo("MonitoringResultsRecorded");
        assertThat(compact(recorded.getFirst())).contains("\"timestamp\":" + ts).contains("\"reliability\":99");
    }

    @Test
    void gatewaySubmissionsAreRecordedToo() {
        long ts = Fixtures.nextTimestamp();
        Fixtures.submit("gateway", Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 70)), ts))
                .then().statusCode(200);
        assertThat(recordedFor(a)).singleElement().satisfies(e -> assertThat(compact(e)).contains("\"kind\":\"GATEWAY\""));
    }

    @Test
    void oneChangedByteBreaksTheSignatureAndNothingIsStored() {
        long ts = Fixtures.nextTimestamp();
        String body = Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 99)), ts);
        String tampered = body.replace("\"reliability\":99", "\"reliability\":98");
        assertThat(tampered).isNotEqualTo(body);
        // a signature that does not verify is an unauthenticated submission (the error table's 401; 400 before it)
        Fixtures.submit("node", tampered).then().statusCode(401)
                .body("error", equalTo("invalid_signature")).body("field", equalTo("signature"));
        assertThat(recordedFor(a)).isEmpty();
    }

    @Test
    void aSignerNotOnTheAllowListIsForbidden() {
        long ts = Fixtures.nextTimestamp();
        Fixtures.submit("node", Fixtures.body(MonitorKeys.STRANGER, List.of(Fixtures.result(a, 99)), ts))
                .then().statusCode(403).body("error", equalTo("unknown_signer")).body("field", equalTo("signer"));
        assertThat(recordedFor(a)).isEmpty();
    }

    /** nym-api's rule, {@code now − timestamp < 5 s}: an old timestamp is refused, one from the future is not. */
    @Test
    void staleTimestampsAreRefusedAndFutureOnesAccepted() {
        long now = Instant.now().getEpochSecond();
        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 99)), now - 3600))
                .then().statusCode(400).body("error", equalTo("stale_timestamp")).body("field", equalTo("timestamp"));
        assertThat(recordedFor(a)).isEmpty();
        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 99)), now + 3600))
                .then().statusCode(200).body("recorded", equalTo(1));
        assertThat(recordedFor(a)).hasSize(1);
    }

    /**
     * Entries nym-api stores but this service cannot use are reported, each with its position and reason; the
     * submission's other entries are recorded. A reliability that is no u8 still refuses the body (nym-api's parser).
     */
    @Test
    void entriesThatCannotBeUsedAreIgnoredAndTheOthersRecorded() {
        long stranger = Fixtures.freshNodeId();
        List<MonitorResult> results = List.of(Fixtures.result(a, 90), Fixtures.result(b, 101),
                Fixtures.result(stranger, 90), new MonitorResult(b, Fixtures.identity(a), 80), Fixtures.result(a, 10));
        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED, results, Fixtures.nextTimestamp()))
                .then().statusCode(200).body("recorded", equalTo(1))
                .body("ignored.index", contains(1, 2, 3, 4))
                .body("ignored.reason", contains("reliability_above_100", "unknown_node", "identity_mismatch",
                        "duplicate_node_id"))
                .body("ignored[2].node_id", equalTo((int) b)).body("ignored.detail", everyItem(not(emptyOrNullString())));
        assertThat(recordedFor(a)).singleElement().satisfies(e -> assertThat(compact(e))
                .contains("\"reliability\":90").doesNotContain("\"reliability\":10"));
        assertThat(recordedFor(b)).isEmpty();
        assertThat(recordedFor(stranger)).isEmpty();

        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 90), Fixtures.result(b, 256)),
                        Fixtures.nextTimestamp()))
                .then().statusCode(400).body("error", equalTo("reliability_out_of_range"))
                .body("field", equalTo("results[1].reliability"));
        assertThat(recordedFor(a)).hasSize(1);
    }

    /** A submission of only ignored entries is still one submission: recorded (with no measurement), its replay refused. */
    @Test
    void aSubmissionWithNothingUsableIsAcceptedOnce() {
        long stranger = Fixtures.freshNodeId();
        String body = Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(stranger, 90)), Fixtures.nextTimestamp());
        Fixtures.submit("node", body).then().statusCode(200).body("recorded", equalTo(0))
                .body("ignored[0].reason", equalTo("unknown_node"));
        Fixtures.submit("node", body).then().statusCode(409).body("error", equalTo("duplicate_submission"));
        assertThat(recordedFor(stranger)).isEmpty();
    }

    @Test
    void aReplayedSubmissionIsNotCountedTwice() {
        long ts = Fixtures.nextTimestamp();
        String body = Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 80)), ts);
        Fixtures.submit("node", body).then().statusCode(200);
        Fixtures.submit("node", body).then().statusCode(409).body("error", equalTo("duplicate_submission"))
                .body("field", equalTo("timestamp"));
        assertThat(recordedFor(a)).hasSize(1);
    }

    /**
     * The signed bytes do not name the endpoint (nym-api's protocol), so a captured submission could be replayed on
     * the other one: accepted once across both, whichever comes first; the replay is a 409 and writes nothing.
     */
    @Test
    void aSubmissionAcceptedOnOneEndpointIsRefusedOnTheOther() {
        String[][] orders = {{"node", "gateway"}, {"gateway", "node"}};
        for (String[] order : orders) {
            long node = Fixtures.freshNodeId();
            Fixtures.bond(node);
            String body = Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(node, 77)), Fixtures.nextTimestamp());
            Fixtures.submit(order[0], body).then().statusCode(200);
            Fixtures.submit(order[1], body).then().statusCode(409).body("error", equalTo("replayed_submission"))
                    .body("field", equalTo("signature"));
            assertThat(recordedFor(node)).as(order[0] + " then " + order[1]).hasSize(1);
        }
    }

    /** Node and gateway results of one monitor run share their timestamp: different signed bytes, both accepted. */
    @Test
    void nodeAndGatewayResultsWithTheSameTimestampAreBothAccepted() {
        long ts = Fixtures.nextTimestamp();
        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 90)), ts)).then().statusCode(200);
        Fixtures.submit("gateway", Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(b, 91)), ts)).then().statusCode(200);
        assertThat(recordedFor(a)).hasSize(1);
        assertThat(recordedFor(b)).hasSize(1);
    }

    @Test
    void anOversizeBodyIsRefusedBeforeParsing() {
        String huge = "{\"results\":[" + "x".repeat(4 * 1024 * 1024 + 10) + "]}";
        Fixtures.submit("node", huge).then().statusCode(413).body("error", equalTo("payload_too_large"))
                .body("field", equalTo("body"));
    }

    /**
     * A 400,000-character signer, signature or result identity is refused by its length (400 field_too_long) before
     * anything decodes it; Base58 decoding it would cost seconds of CPU, and nothing is written.
     */
    @Test
    void a400000CharacterFieldIsRefusedByItsLengthAndNothingIsWritten() {
        String huge = "2".repeat(400_000);
        long ts = Fixtures.nextTimestamp();
        List<MonitorResult> results = List.of(Fixtures.result(a, 99));
        String signer = MonitorKeys.publicKey(MonitorKeys.ALLOWED);
        String signature = MonitorKeys.sign(MonitorKeys.ALLOWED, results, ts);
        Fixtures.submit("node", Fixtures.body(huge, signature, results, ts)).then().statusCode(400)
                .body("error", equalTo("field_too_long")).body("field", equalTo("signer"));
        Fixtures.submit("gateway", Fixtures.body(signer, huge, results, ts)).then().statusCode(400)
                .body("error", equalTo("field_too_long")).body("field", equalTo("signature"));
        Fixtures.submit("node", Fixtures.body(signer, signature, List.of(new MonitorResult(a, huge, 99)), ts))
                .then().statusCode(400).body("error", equalTo("field_too_long"))
                .body("field", equalTo("results[0].identity"));
        assertThat(recordedFor(a)).isEmpty();
    }

    /** Long.MAX_VALUE seconds is no Instant: from the future, so accepted as nym-api does (not a 500); MIN_VALUE is stale. */
    @Test
    void timestampsBeyondTheInstantRangeAreComparedWithoutOverflow() {
        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 99)), Long.MIN_VALUE))
                .then().statusCode(400).body("error", equalTo("stale_timestamp")).body("field", equalTo("timestamp"));
        assertThat(recordedFor(a)).isEmpty();
        String body = Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 99)), Long.MAX_VALUE);
        Fixtures.submit("node", body).then().statusCode(200).body("recorded", equalTo(1));
        Fixtures.submit("node", body).then().statusCode(409).body("error", equalTo("duplicate_submission"));
        assertThat(recordedFor(a)).hasSize(1);
    }

    @Test
    void malformedAndIncompleteBodiesNameTheField() {
        Fixtures.submit("node", "{\"results\":[{\"node_id\":1,\"identity\":\"x\",\"reliability\":\"high\"}],"
                        + "\"signature\":\"s\",\"signer\":\"k\",\"timestamp\":1}")
                .then().statusCode(400).body("error", equalTo("malformed_json")).body("field", equalTo("results[0].reliability"));
        Fixtures.submit("node", "{\"results\":[],\"signature\":\"s\",\"signer\":\"k\"}")
                .then().statusCode(400).body("error", equalTo("missing_field")).body("field", equalTo("timestamp"));
    }

    @Test
    void aLargeSubmissionIsStoredInBoundedEventsAndCountedOnce() {
        long c = Fixtures.freshNodeId();
        long d = Fixtures.freshNodeId();
        long e = Fixtures.freshNodeId();
        Fixtures.bond(c, d, e);
        long ts = Fixtures.nextTimestamp();
        String body = Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 90), Fixtures.result(b, 91),
                Fixtures.result(c, 92), Fixtures.result(d, 93), Fixtures.result(e, 94)), ts);
        Fixtures.submit("node", body).then().statusCode(200).body("recorded", equalTo(5));
        // results-per-event is 2 in tests: 5 results are 3 events of one submission, each node in exactly one.
        for (long node : List.of(a, b, c, d, e)) {
            assertThat(recordedFor(node)).hasSize(1);
        }
        assertThat(recordedFor(e).getFirst().streamVersion() - recordedFor(a).getFirst().streamVersion()).isEqualTo(2);
        Fixtures.submit("node", body).then().statusCode(409);
        assertThat(recordedFor(e)).hasSize(1);
    }

    @Test
    void twoConcurrentCopiesOfOneSubmissionGiveOneRecordAndOneConflict() throws Exception {
        long ts = Fixtures.nextTimestamp();
        String body = Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(a, 60), Fixtures.result(b, 61)), ts);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> {
                start.await();
                return Fixtures.submit("node", body).statusCode();
            });
            var second = pool.submit(() -> {
                start.await();
                return Fixtures.submit("node", body).statusCode();
            });
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        }
        assertThat(recordedFor(a)).hasSize(1);
    }
}
