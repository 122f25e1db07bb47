package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A probe run is bounded as a whole: with one probe at a time, a 2 s deadline per node and a 1 s budget for the run,
 * nodes that never answer cannot hold the run; nothing is recorded for the nodes it did not get to (they keep their
 * previous fact), and the run answers.
 */
@QuarkusTest
@TestProfile(ProbeRunBoundTest.TightRun.class)
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class ProbeRunBoundTest {

    public static class TightRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("performance.prober.concurrency", "1", "performance.prober.timeout", "PT2S",
                    "performance.prober.run-timeout", "PT1S");
        }
    }

    private static final String ADMIN = TestJwt.bearer("n1admin", "admin");

    @Inject
    DataSource dataSource;

    @Test
    void aRunStopsAtItsDeadlineAndRecordsNothingForNodesItDidNotFinish() throws Exception {
        List<HostileNode> silent = new ArrayList<>();
        try {
            Map<Long, Integer> ports = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                HostileNode node = HostileNode.start(HostileNode.Mode.SILENT);
                silent.add(node);
                ports.put(Fixtures.freshNodeId(), node.port());
            }
            Fixtures.bond("127.0.0.1", ports);

            int skipped = given().header("Authorization", ADMIN).post("/v1/admin/probe").then().statusCode(200)
                    .extract().jsonPath().getInt("skipped");

            assertThat(skipped).isGreaterThanOrEqualTo(ports.size());
            for (long id : ports.keySet()) {
                List<?> facts = Transactions.inTransaction(dataSource,
                        c -> new EventStore().readStream(c, "node-" + id + "-self-description"));
                assertThat(facts).as("facts of node %d", id).isEmpty();
            }
        } finally {
            for (HostileNode node : silent) {
                node.close();
            }
        }
    }
}
