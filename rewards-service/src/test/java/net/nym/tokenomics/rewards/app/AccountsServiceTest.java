package net.nym.tokenomics.rewards.app;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.domain.PendingEpochEvent;
import net.nym.tokenomics.rewards.rest.Treasury;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Token accounts through the real service (issue 15): balances, escrow, transfers, supply reads, concurrency. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class AccountsServiceTest {

    @Inject
    DataSource dataSource;

    @Inject
    LedgerService ledger;

    private static String account(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long logSize() {
        return Transactions.inTransaction(dataSource, c -> new EventStore().count(c));
    }

    @Test
    void twoConcurrentDelegationsThatFitTheBalanceOnlyOneAtATimeExactlyOneSucceeds() throws Exception {
        long node = Api.bond(account("op"), 1_000_000_000_000L, "0.1", 40_000_000);
        for (int round = 0; round < 5; round++) {
            String delegator = account("del");
            Treasury.fund(delegator, "1500000000");
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> delegate = () -> {
                start.await();
                return given().header("Authorization", TestJwt.bearer(delegator)).contentType(ContentType.JSON)
                        .body(Map.of("node_id", node, "amount", "1000000000"))
                        .post("/v1/delegators/" + delegator + "/delegations").then().extract().statusCode();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> answers = new ArrayList<>();
            try {
                answers.add(pool.submit(delegate));
                answers.add(pool.submit(delegate));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : answers) {
                    statuses.add(f.get());
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(202, 409);
            } finally {
                pool.shutdownNow();
            }
            long held = ledger.read(v -> v.ledger().pendingEpochEvents().values().stream()
                    .filter(p -> p instanceof PendingEpochEvent.DelegationRequest d && d.owner().equals(delegator)).count());
            assertThat(held).isEqualTo(1);
            given().get("/v1/accounts/" + delegator).then().statusCode(200)
                    .body("liquid", equalTo("500000000")).body("escrowed", equalTo("1000000000"))
                    .body("pending[0].kind", equalTo("delegate"));
        }
        given().get("/v1/supply").then().statusCode(200).body("equation_holds", equalTo(true));
    }

    @Test
    void aTransferMovesTokensAndOneBeyondTheBalanceOrForAnotherAccountWritesNothing() {
        String alice = account("alice");
        String bob = account("bob");
        Treasury.fund(alice, "700");
        given().header("Authorization", TestJwt.bearer(alice)).contentType(ContentType.JSON)
                .body(Map.of("to", bob, "amount", "300")).post("/v1/accounts/" + alice + "/transfers")
                .then().statusCode(200).body("events[0]", equalTo("TokensTransferred"));
        given().get("/v1/accounts/" + alice).then().statusCode(200).body("liquid", equalTo("400")).body("total", equalTo("400"));
        given().get("/v1/accounts/" + bob).then().statusCode(200).body("liquid", equalTo("300"));
        long before = logSize();
        given().header("Authorization", TestJwt.bearer(alice)).contentType(ContentType.JSON)
                .body(Map.of("to", bob, "amount", "401")).post("/v1/accounts/" + alice + "/transfers")
                .then().statusCode(409).body("error", equalTo("insufficient_balance")).body("field", equalTo("amount"));
        given().header("Authorization", TestJwt.bearer(bob)).contentType(ContentType.JSON)
                .body(Map.of("to", bob, "amount", "1")).post("/v1/accounts/" + alice + "/transfers")
                .then().statusCode(403).body("field", equalTo("address"));
        given().header("Authorization", TestJwt.bearer(alice)).contentType(ContentType.JSON)
                .body(Map.of("to", "x".repeat(129), "amount", "1")).post("/v1/accounts/" + alice + "/transfers")
                .then().statusCode(400).body("error", equalTo("field_too_long"));
        given().header("Authorization", TestJwt.bearer(alice)).contentType(ContentType.JSON)
                .body(Map.of("to", bob, "amount", "-1")).post("/v1/accounts/" + alice + "/transfers")
                .then().statusCode(400).body("field", equalTo("amount"));
        given().contentType(ContentType.JSON).body(Map.of("to", bob, "amount", "1")).post("/v1/accounts/" + alice + "/transfers")
                .then().statusCode(401);
        String poor = account("poor");
        long node = Api.bond(account("op"), 1_000_000_000_000L, "0.1", 40_000_000);
        long afterBond = logSize();
        given().header("Authorization", TestJwt.bearer(poor)).contentType(ContentType.JSON)
                .body(Map.of("node_id", node, "amount", "1")).post("/v1/delegators/" + poor + "/delegations")
                .then().statusCode(409).body("error", equalTo("insufficient_balance"));
        assertThat(logSize()).isEqualTo(afterBond);
        assertThat(afterBond).isGreaterThan(before);
    }

    @Test
    void theSupplyReadsAddUpAndTheCirculatingSupplyHasNymApisShape() {
        var supply = given().get("/v1/supply").then().statusCode(200).body("equation_holds", equalTo(true))
                .body("total_supply", equalTo("1000000000000000")).body("treasury", equalTo(Treasury.ACCOUNT))
                .extract().jsonPath();
        var c = given().get("/v1/circulating-supply").then().statusCode(200)
                .body("total_supply.denom", equalTo("unym")).body("total_supply.amount", equalTo("1000000000000000"))
                .body("mixmining_reserve.amount", notNullValue()).body("vesting_tokens.amount", equalTo("0"))
                .extract().jsonPath();
        BigInteger reserve = new BigInteger(c.getString("mixmining_reserve.amount"));
        assertThat(new BigInteger(c.getString("circulating_supply.amount")))
                .isEqualTo(new BigInteger("1000000000000000").subtract(reserve));
        assertThat(reserve).isEqualTo(new java.math.BigDecimal(supply.getString("reward_pool")).toBigInteger());
        given().get("/v1/accounts/" + "x".repeat(129)).then().statusCode(400).body("error", equalTo("field_too_long"));
    }
}
