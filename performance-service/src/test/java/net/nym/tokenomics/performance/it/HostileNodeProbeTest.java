package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.it.HostileNode.Mode;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 2 of issue 14: one probe run over well-behaved and hostile nodes. Every hostile node gets a fact of its
 * own (unreachable or invalid, with the reason), the well-behaved nodes (one bonded before the hostile ones, one
 * after) are described correctly, nothing the nodes send breaks the insert, and the run finishes.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class HostileNodeProbeTest {

    private static final String ADMIN = TestJwt.bearer("n1admin", "admin");

    @Inject
    DataSource dataSource;

    private StoredEvent latest(long nodeId) {
        List<StoredEvent> events = Transactions.inTransaction(dataSource,
                c -> new EventStore().readStream(c, "node-" + nodeId + "-self-description"));
        assertThat(events).as("facts of node %d", nodeId).isNotEmpty();
        return events.getLast();
    }

    private static String compact(StoredEvent e) {
        return e.payload().replaceAll("\\s", "");
    }

    @Test
    void hostileNodesAreRecordedAsSuchAndNeverAffectTheOthers() throws Exception {
        List<HostileNode> hostile = new ArrayList<>();
        try (NodeStub before = NodeStub.start("nym-node", "1.2.0", true);
             NodeStub after = NodeStub.start("nym-node", "1.1.0", true)) {
            long first = Fixtures.freshNodeId();
            Map<Long, Integer> ports = new LinkedHashMap<>();
            ports.put(first, before.port());
            Map<Mode, Long> ids = new EnumMap<>(Mode.class);
            for (Mode mode : Mode.values()) {
                HostileNode node = HostileNode.start(mode);
                hostile.add(node);
                long id = Fixtures.freshNodeId();
                ids.put(mode, id);
                ports.put(id, node.port());
            }
            long last = Fixtures.freshNodeId();
            ports.put(last, after.port());
            Fixtures.bond("127.0.0.1", ports);

            given().header("Authorization", ADMIN).post("/v1/admin/probe").then().statusCode(200);

            assertThat(latest(first).eventType()).isEqualTo("NodeDescribed");
            assertThat(compact(latest(first))).contains("\"build_version\":\"1.2.0\"");
            assertThat(latest(last).eventType()).isEqualTo("NodeDescribed");
            assertThat(compact(latest(last))).contains("\"build_version\":\"1.1.0\"");

            // A NUL is replaced (the version stays invalid), never stored, and does not break the insert.
            StoredEvent nul = latest(ids.get(Mode.NUL_VERSION));
            assertThat(nul.eventType()).isEqualTo("NodeDescribed");
            assertThat(nul.payload()).doesNotContain("\u0000").doesNotContain("\\u0000").contains("1.2.0\uFFFD");

            // A long version that fits in the body cap is cut to 128 characters, marked as cut.
            StoredEvent cut = latest(ids.get(Mode.LONG_VERSION));
            assertThat(cut.eventType()).isEqualTo("NodeDescribed");
            assertThat(compact(cut)).contains("\"build_version\":\"1.2.0-" + "b".repeat(128 - 7) + "\u2026\"");

            // Bodies over the cap are refused without reading them; answers that do not complete in time are cut off.
            for (Mode mode : List.of(Mode.HUGE_BODY, Mode.MEGABYTE_VERSION)) {
                StoredEvent e = latest(ids.get(mode));
                assertThat(e.eventType()).as(mode.name()).isEqualTo("NodeUnreachable");
                assertThat(e.payload()).as(mode.name()).contains("invalid answer").contains("65536 bytes");
            }
            for (Mode mode : List.of(Mode.TRICKLE, Mode.SILENT)) {
                StoredEvent e = latest(ids.get(mode));
                assertThat(e.eventType()).as(mode.name()).isEqualTo("NodeUnreachable");
                assertThat(e.payload()).as(mode.name()).contains("unreachable").contains("deadline");
            }
        } finally {
            for (HostileNode node : hostile) {
                node.close();
            }
        }
    }
}
