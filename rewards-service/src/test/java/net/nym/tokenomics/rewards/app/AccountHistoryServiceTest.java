package net.nym.tokenomics.rewards.app;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.rest.Treasury;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The paged history of an account's liquid balance (issue 15, {@code GET /v1/accounts/{address}/history}) through the
 * real service: every movement with its kind, signed change and the balance after it, newest first.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class AccountHistoryServiceTest {

    @Inject
    LedgerService ledger;

    private static String account(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long currentEpoch() {
        return ledger.read(v -> v.ledger().globals().currentEpoch());
    }

    private void closeEpoch(long node) {
        InputTopics.closeEpochAlone(ledger, node);
    }

    private static JsonPath history(String account, String query) {
        return given().get("/v1/accounts/" + account + "/history" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDelegatorsTransfersDelegationsAndWithdrawalsAreListedNewestFirstWithTheBalanceAfterEach() {
        String op = account("op");
        long node = Api.bond(op, 1_000_000_000_000L, "0.1", 40_000_000);
        closeEpoch(node); // the node's bond epoch, in which it cannot be rewarded
        long n = currentEpoch();
        String a = account("hist");
        String b = account("peer");
        Treasury.fund(a, "3000000000");
        Api.post(a, "/v1/delegators/" + a + "/delegations", Map.of("node_id", node, "amount", "1000000000")).statusCode(202);
        Api.post(a, "/v1/accounts/" + a + "/transfers", Map.of("to", b, "amount", "250")).statusCode(200);
        closeEpoch(node); // n: the delegation takes effect
        closeEpoch(node); // n + 1: rewarded
        Api.post(a, "/v1/delegators/" + a + "/delegations/" + node + "/reward/withdraw", null).statusCode(200);
        given().header("Authorization", TestJwt.bearer(a)).delete("/v1/delegators/" + a + "/delegations/" + node)
                .then().statusCode(202);
        closeEpoch(node); // n + 2: undelegated

        JsonPath all = history(a, "");
        assertThat(all.getInt("page")).isZero();
        assertThat(all.getInt("per_page")).isEqualTo(100);
        assertThat(all.getLong("total")).isEqualTo(5);
        assertThat(all.getList("items.kind", String.class))
                .containsExactly("undelegated", "delegator_reward", "transfer_out", "delegate", "transfer_in");
        assertThat(all.getList("items.account", String.class)).containsOnly(a);
        // newest first: the ledger versions descend
        List<Long> versions = all.getList("items.ledger_version", Long.class);
        assertThat(versions).isSortedAccordingTo((x, y) -> Long.compare(y, x));

        assertThat(all.getString("items[4].change")).isEqualTo("3000000000");
        assertThat(all.getString("items[4].balance_after")).isEqualTo("3000000000");
        assertThat(all.getString("items[4].counterparty")).isEqualTo(Treasury.ACCOUNT);
        assertThat(all.getString("items[4].node_id")).isNull();
        assertThat(all.getString("items[3].change")).isEqualTo("-1000000000");
        assertThat(all.getString("items[3].balance_after")).isEqualTo("2000000000");
        assertThat(all.getLong("items[3].node_id")).isEqualTo(node);
        assertThat(all.getLong("items[3].epoch_id")).isEqualTo(n);
        assertThat(all.getString("items[3].counterparty")).isNull();
        assertThat(all.getString("items[2].change")).isEqualTo("-250");
        assertThat(all.getString("items[2].balance_after")).isEqualTo("1999999750");
        assertThat(all.getString("items[2].counterparty")).isEqualTo(b);
        BigInteger reward = new BigInteger(all.getString("items[1].change"));
        assertThat(reward).isPositive();
        assertThat(all.getLong("items[1].node_id")).isEqualTo(node);
        assertThat(all.getLong("items[1].epoch_id")).isEqualTo(n + 2);
        BigInteger returned = new BigInteger(all.getString("items[0].change"));
        assertThat(returned).isGreaterThanOrEqualTo(BigInteger.valueOf(1_000_000_000L));
        assertThat(all.getLong("items[0].epoch_id")).isEqualTo(n + 2);
        // each balance_after is the one before plus the change
        BigInteger balance = BigInteger.ZERO;
        for (int i = 4; i >= 0; i--) {
            balance = balance.add(new BigInteger(all.getString("items[" + i + "].change")));
            assertThat(all.getString("items[" + i + "].balance_after")).as("item %d", i).isEqualTo(balance.toString());
        }
        assertThat(balance).isEqualTo(BigInteger.valueOf(1_999_999_750L).add(reward).add(returned));
        // the newest row's balance is the account's liquid
        given().get("/v1/accounts/" + a).then().statusCode(200).body("liquid", equalTo(all.getString("items[0].balance_after")))
                .body("staked", equalTo("0")).body("escrowed", equalTo("0"));

        // pages of 2 concatenate to the whole history; past the end a page is empty
        List<Map<String, Object>> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath p = history(a, "?page=" + page + "&per_page=2");
            assertThat(p.getLong("total")).isEqualTo(5);
            assertThat(p.getInt("per_page")).isEqualTo(2);
            paged.addAll(p.getList("items"));
        }
        assertThat(paged).isEqualTo(all.getList("items"));
        given().get("/v1/accounts/" + a + "/history?page=3&per_page=2").then().statusCode(200)
                .body("total", equalTo(5)).body("items.size()", equalTo(0));

        // the recipient and the operator
        given().get("/v1/accounts/" + b + "/history").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].kind", equalTo("transfer_in")).body("items[0].change", equalTo("250"))
                .body("items[0].counterparty", equalTo(a)).body("items[0].balance_after", equalTo("250"));
        JsonPath operator = history(op, "");
        assertThat(operator.getList("items.kind", String.class)).containsExactly("bond", "transfer_in");
        assertThat(operator.getString("items[0].change")).isEqualTo("-1000000000000");
        assertThat(operator.getString("items[0].balance_after")).isEqualTo("1000000000000");
        assertThat(operator.getLong("items[0].node_id")).isEqualTo(node);
        // an account that never held a token has an empty history
        given().get("/v1/accounts/" + account("nobody") + "/history").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void theTreasurysOldestMovementIsTheGenesisAllocation() {
        long total = history(Treasury.ACCOUNT, "?per_page=1").getLong("total");
        assertThat(total).isPositive();
        JsonPath oldest = history(Treasury.ACCOUNT, "?per_page=1&page=" + (total - 1));
        assertThat(oldest.getString("items[0].kind")).isEqualTo("genesis");
        assertThat(oldest.getLong("items[0].ledger_version")).isEqualTo(2);
        assertThat(oldest.getString("items[0].change")).isEqualTo(oldest.getString("items[0].balance_after"));
        assertThat(oldest.getString("items[0].counterparty")).isNull();
        JsonPath newest = history(Treasury.ACCOUNT, "?per_page=1");
        given().get("/v1/accounts/" + Treasury.ACCOUNT).then().statusCode(200)
                .body("liquid", equalTo(newest.getString("items[0].balance_after")));
    }

    @Test
    void badPagingOrAnOverlongAddressIsRefused() {
        String a = account("hist");
        refused(a, "?page=-1", "invalid_page", "page");
        refused(a, "?per_page=0", "invalid_per_page", "per_page");
        refused(a, "?per_page=1001", "invalid_per_page", "per_page");
        refused("x".repeat(129), "", "field_too_long", "address");
        given().get("/v1/accounts/" + a + "/history?page=0&per_page=1000").then().statusCode(200).body("per_page", equalTo(1000));
        given().get("/v1/accounts/" + "x".repeat(128) + "/history").then().statusCode(200).body("total", equalTo(0));
    }

    private static void refused(String account, String query, String error, String field) {
        given().get("/v1/accounts/" + account + "/history" + query).then().statusCode(400)
                .body("error", equalTo(error)).body("field", equalTo(field)).body("reason", org.hamcrest.Matchers.notNullValue());
    }
}
