package net.nym.tokenomics.performance.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A whole network's results submitted the way {@code nym-network-monitor} submits them: the node results, then the
 * gateway results, each list cut into chunks of 10, every chunk signed on its own with the same timestamp second and
 * all of a list's chunks sent at once (its {@code FuturesUnordered}). Every usable result is recorded exactly once,
 * the unusable ones are reported without refusing their chunk, and a replayed chunk is refused on both endpoints.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class NetworkMonitorClientTest {

    private static final int CHUNK = 10;

    @Inject
    DataSource dataSource;

    @Test
    void aWholeNetworkInConcurrentChunksOfOneSecondIsRecordedOnce() throws Exception {
        List<Long> mixnodes = freshIds(43);
        List<Long> gateways = freshIds(24);
        long unbonded = Fixtures.freshNodeId();
        List<Long> bonded = new ArrayList<>(mixnodes);
        bonded.addAll(gateways);
        Fixtures.bond(bonded.stream().mapToLong(Long::longValue).toArray());

        List<MonitorResult> nodeStats = new ArrayList<>();
        for (int i = 0; i < mixnodes.size(); i++) {
            nodeStats.add(Fixtures.result(mixnodes.get(i), 50 + i));
        }
        // What a real network holds too: a node unbonded since the monitor's last topology, a stale identity, and a
        // reliability nym-api would store (a u8) though it is no percentage. Each in a different chunk.
        nodeStats.add(3, Fixtures.result(unbonded, 90));
        nodeStats.add(17, new MonitorResult(mixnodes.get(20), Fixtures.identity(unbonded), 90));
        nodeStats.add(35, Fixtures.result(gateways.getFirst(), 150));
        List<MonitorResult> gatewayStats = new ArrayList<>();
        for (int i = 0; i < gateways.size(); i++) {
            gatewayStats.add(Fixtures.result(gateways.get(i), 99 - i));
        }

        long timestamp = Instant.now().getEpochSecond();
        List<String> nodeChunks = signedChunks(nodeStats, timestamp);
        List<String> gatewayChunks = signedChunks(gatewayStats, timestamp);
        assertThat(nodeChunks).hasSize(5);
        assertThat(gatewayChunks).hasSize(3);

        List<Response> nodeReplies = sendAtOnce("node", nodeChunks);
        List<Response> gatewayReplies = sendAtOnce("gateway", gatewayChunks);
        for (Response r : nodeReplies) {
            r.then().statusCode(200);
        }
        for (Response r : gatewayReplies) {
            r.then().statusCode(200);
        }
        assertThat(nodeReplies.stream().mapToInt(r -> r.path("recorded")).sum()).isEqualTo(mixnodes.size());
        assertThat(nodeReplies.stream().flatMap(r -> r.<List<String>>path("ignored.reason").stream()))
                .containsExactlyInAnyOrder("unknown_node", "identity_mismatch", "reliability_above_100");
        assertThat(gatewayReplies.stream().mapToInt(r -> r.path("recorded")).sum()).isEqualTo(gateways.size());

        Map<String, Map<Long, Integer>> recorded = recordedCounts();
        for (long id : mixnodes) {
            // mixnodes[20]'s entry under a stale identity is ignored; its own entry, in another chunk, counts.
            assertThat(recorded.get("NODE").get(id)).as("mixnode %d", id).isEqualTo(1);
        }
        assertThat(recorded.get("NODE")).doesNotContainKey(unbonded).doesNotContainKey(gateways.getFirst());
        for (long id : gateways) {
            assertThat(recorded.get("GATEWAY").get(id)).as("gateway %d", id).isEqualTo(1);
        }

        // A chunk captured on the way and sent again, on its endpoint and on the other: refused, nothing counted twice.
        Fixtures.submit("node", nodeChunks.get(2)).then().statusCode(409).body("error", equalTo("duplicate_submission"));
        Fixtures.submit("gateway", nodeChunks.get(2)).then().statusCode(409)
                .body("error", equalTo("replayed_submission"));
        assertThat(recordedCounts()).isEqualTo(recorded);
    }

    private static List<Long> freshIds(int n) {
        List<Long> ids = new ArrayList<>(n);
        while (ids.size() < n) {
            long id = Fixtures.freshNodeId();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The monitor's {@code stats.chunks(10).map(|chunk| MonitorMessage::new(chunk, key))}, with one timestamp. */
    private static List<String> signedChunks(List<MonitorResult> stats, long timestamp) {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < stats.size(); from += CHUNK) {
            bodies.add(Fixtures.body(MonitorKeys.ALLOWED, stats.subList(from, Math.min(stats.size(), from + CHUNK)),
                    timestamp));
        }
        return bodies;
    }

    private static List<Response> sendAtOnce(String kind, List<String> bodies) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(bodies.size())) {
            for (String body : bodies) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return Fixtures.submit(kind, body);
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : pending) {
                out.add(f.get());
            }
            return out;
        }
    }

    /** How many recorded measurements each node has, per kind, in this monitor's two streams. */
    private Map<String, Map<Long, Integer>> recordedCounts() {
        String signer = MonitorKeys.publicKey(MonitorKeys.ALLOWED);
        List<StoredEvent> events = Transactions.inTransaction(dataSource, c -> {
            List<StoredEvent> out = new ArrayList<>(new EventStore().readStream(c, "monitor-node-" + signer));
            out.addAll(new EventStore().readStream(c, "monitor-gateway-" + signer));
            return out;
        });
        Map<String, Map<Long, Integer>> counts = new TreeMap<>(Map.of("NODE", new TreeMap<>(), "GATEWAY", new TreeMap<>()));
        for (StoredEvent e : events) {
            JsonNode payload = read(e.payload());
            for (JsonNode r : payload.get("results")) {
                counts.get(payload.get("kind").asText()).merge(r.get("node_id").asLong(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static JsonNode read(String payload) {
        try {
            return Json.mapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
