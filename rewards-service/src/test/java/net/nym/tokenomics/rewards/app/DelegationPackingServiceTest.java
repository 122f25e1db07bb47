package net.nym.tokenomics.rewards.app;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.rest.Treasury;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A closing that applies a long run of queued delegations records it as one {@code DelegationsAdded} (issue 15 item 7)
 * and writes one {@code delegation_change} row per delegation at that event's ledger version, {@code seq} 0, 1, ...;
 * the history pages list them in their order, and the rebuild from the log writes the same rows.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class DelegationPackingServiceTest {

    private static final int DELEGATIONS = 150;

    @Inject
    LedgerService ledger;

    @Inject
    DataSource dataSource;

    private long currentEpoch() {
        return ledger.read(v -> v.ledger().globals().currentEpoch());
    }

    private void closeEpoch(long node) {
        InputTopics.closeEpochAlone(ledger, node);
    }

    @Test
    void aPackedRunMakesOneRowPerDelegationInOrderAndIsRebuiltRowForRow() {
        String op = "op-" + UUID.randomUUID().toString().substring(0, 8);
        long node = Api.bond(op, 1_000_000_000_000L, "0.1", 40_000_000);
        closeEpoch(node);
        String a = "pack-" + UUID.randomUUID().toString().substring(0, 8);
        Treasury.fund(a, "1000000000000");
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < DELEGATIONS; i++) {
            BigInteger amount = BigInteger.valueOf(1_000_000L + i);
            total = total.add(amount);
            Api.post(a, "/v1/delegators/" + a + "/delegations", Map.of("node_id", node, "amount", amount.toString()))
                    .statusCode(202);
        }
        long epoch = currentEpoch();
        closeEpoch(node);

        // one row per delegation, all at the chunk's version, seq 0..149 in FIFO order
        // delegation_change: ledger_version, epoch_id, at, node_id, owner, change, amount, principal, accrued_reward, seq
        // (the fold shows the closing a moment before its transaction, with these rows, commits: wait for the commit)
        await().atMost(Duration.ofSeconds(30)).until(() -> HistoryTables.rows(dataSource).get("delegation_change").stream()
                .filter(r -> r.get(4).equals(a)).count() == DELEGATIONS);
        var live = HistoryTables.rows(dataSource);
        List<List<String>> rows = live.get("delegation_change").stream().filter(r -> r.get(4).equals(a)).toList();
        assertThat(rows).hasSize(DELEGATIONS);
        assertThat(rows).extracting(r -> r.get(0)).containsOnly(rows.getFirst().get(0));
        assertThat(rows).extracting(r -> Integer.parseInt(r.get(9))).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, DELEGATIONS).boxed().toList());
        assertThat(rows).extracting(r -> r.get(5)).containsOnly("added");
        assertThat(rows).extracting(r -> r.get(1)).containsOnly(Long.toString(epoch));
        for (int i = 0; i < DELEGATIONS; i++) {
            assertThat(new BigInteger(rows.get(i).get(6))).isEqualTo(BigInteger.valueOf(1_000_000L + i));
        }
        // each later delegation folded the earlier ones in: the last principal is the sum
        assertThat(new BigInteger(rows.getLast().get(7))).isEqualTo(total);

        // the REST pages: in that order, the same fields as before (no seq)
        JsonPath page = given().get("/v1/delegators/" + a + "/delegation-history?per_page=1000").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(DELEGATIONS);
        assertThat(page.getList("items.amount", String.class)).containsExactlyElementsOf(
                rows.stream().map(r -> r.get(6)).toList());
        assertThat(page.getMap("items[0]")).doesNotContainKey("seq").containsKeys("ledger_version", "epoch_id", "change");
        JsonPath second = given().get("/v1/nodes/" + node + "/delegation-history?owner=" + a + "&per_page=100&page=1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.amount", String.class)).containsExactlyElementsOf(
                rows.subList(100, DELEGATIONS).stream().map(r -> r.get(6)).toList());

        // rebuilt from the log, row for row (the other test classes' inputs may let a closing commit meanwhile: then the
        // log moved on, and the comparison is made again on a quiet log)
        for (int attempt = 0; ; attempt++) {
            long version = ledger.read(v -> v.ledgerVersion());
            var before = HistoryTables.rows(dataSource);
            given().header("Authorization", TestJwt.bearer("admin-pack", "admin")).post("/v1/admin/read-models/rebuild")
                    .then().statusCode(200);
            var rebuilt = HistoryTables.rows(dataSource);
            if (ledger.read(v -> v.ledgerVersion()) == version || attempt == 4) {
                assertThat(rebuilt).isEqualTo(before);
                assertThat(rebuilt.get("delegation_change")).containsAll(rows);
                break;
            }
        }
    }
}
