package net.nym.tokenomics.rewards.app;

import net.nym.tokenomics.rewards.rest.Treasury;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.quarkus.EventLogConfig;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.application.LedgerView;
import net.nym.tokenomics.rewards.application.ReadModelRebuild;
import net.nym.tokenomics.rewards.persistence.RewardHistoryTables;
import net.nym.tokenomics.rewards.persistence.LedgerLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class RewardsServiceTest {

    @Inject
    DataSource dataSource;

    @Inject
    LedgerService ledger;

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    EventLogConfig eventLog;

    private static String account(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long logSize() {
        return Transactions.inTransaction(dataSource, c -> new EventStore().readStreamAfter(c, LedgerLog.LEDGER, 0).size());
    }

    @Test
    void genesisParamsAreTheReferenceDefaultsInNymApiShape() {
        given().get("/v1/epoch/reward_params").then().statusCode(200)
                .body("interval.reward_pool", equalTo("244817525850285"))
                .body("interval.staking_supply", equalTo("100000000000000"))
                .body("interval.staking_supply_scale_factor", equalTo("0.5"))
                .body("interval.sybil_resistance", equalTo("0.3"))
                .body("interval.active_set_work_factor", equalTo("10"))
                .body("interval.interval_pool_emission", equalTo("0.02"))
                .body("interval.epoch_reward_budget", notNullValue())
                .body("rewarded_set.entry_gateways", equalTo(50))
                .body("rewarded_set.exit_gateways", equalTo(70))
                .body("rewarded_set.mixnodes", equalTo(120))
                .body("rewarded_set.standby", equalTo(0));
        List<StoredEvent> first = Transactions.inTransaction(dataSource, c -> new EventStore().readStreamAfter(c, LedgerLog.LEDGER, 0));
        assertThat(first.getFirst().eventType()).isEqualTo("ledger.LedgerInitialized");
    }

    @Test
    void bondThenReadTheNodeAndItsSaturationAndEstimate() {
        String owner = account("op");
        long id = Api.bond(owner, 1_000_000_000_000L, "0.1", 40_000_000);
        given().get("/v1/nodes/" + id).then().statusCode(200)
                .body("owner", equalTo(owner)).body("stage", equalTo("bonded"))
                .body("pledge", equalTo("1000000000000")).body("host", equalTo("node.example.org"))
                .body("roles.entry", equalTo(true)).body("profit_margin_percent", equalTo("0.1"));
        given().get("/v1/nym-nodes/stake-saturation/" + id).then().statusCode(200)
                .body("saturation", notNullValue()).body("uncapped_saturation", notNullValue()).body("as_at", notNullValue());
        given().get("/v1/nodes/" + id + "/estimate").then().statusCode(200).body("node_reward", notNullValue());
        given().get("/v1/nodes/" + id + "/delegation-estimate?amount=1000000").then().statusCode(200)
                .body("next_epoch_reward", notNullValue()).body("annualised_return", notNullValue());
        given().get("/v1/nodes?per_page=1000").then().statusCode(200).body("items.node_id", org.hamcrest.Matchers.hasItem((int) id));
        given().get("/v1/nym-nodes/stake-saturation/999999").then().statusCode(404).body("field", equalTo("node_id"));
        // NodeBonded reaches the topic with the registry facts
        await().atMost(Duration.ofSeconds(30)).until(() -> LocalInfra.readAll(eventLog.topic()).stream()
                .map(KafkaEnvelope::event).filter(e -> "NodeBonded".equals(e.eventType()))
                .map(e -> IntegrationEvents.codec().decode(e, IntegrationEvents.NodeBonded.class))
                .anyMatch(b -> b.nodeId() == id && b.owner().equals(owner) && "node.example.org".equals(b.host())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative pledge          | -5                      | 0.1  | 40000000 | 400 | pledge",
            "zero pledge              | 0                       | 0.1  | 40000000 | 400 | pledge",
            "oversize pledge          | 9999999999999999999999  | 0.1  | 40000000 | 400 | pledge",
            "non-numeric pledge       | lots                    | 0.1  | 40000000 | 400 | pledge",
            "pledge below minimum     | 5                       | 0.1  | 40000000 | 400 | pledge",
            "profit margin over 100%  | 1000000000000           | 1.5  | 40000000 | 400 | profit_margin_percent",
            "negative operating cost  | 1000000000000           | 0.1  | -1       | 400 | interval_operating_cost",
            "non-numeric margin       | 1000000000000           | ten  | 40000000 | 400 | profit_margin_percent"})
    void badBondInputIsRefusedNamingTheFieldAndRecordsNothing(String name, String pledge, String margin, String cost,
                                                               int status, String field) {
        String owner = account("bad");
        Map<String, Object> body = Api.bondBody(owner, pledge, margin, cost);
        long before = logSize();
        Api.post(owner, "/v1/nodes", body)
                .statusCode(status).body("field", equalTo(field)).body("reason", notNullValue());
        assertThat(logSize()).isEqualTo(before);
    }

    @Test
    void badAccountCommandsAreRefusedNamingTheProblemAndRecordNothing() {
        String owner = account("op");
        long id = Api.bond(owner, 1_000_000_000_000L, "0.1", 40_000_000);
        String delegator = account("del");
        long before = logSize();
        Api.post(delegator, "/v1/delegators/" + delegator + "/delegations", Map.of("node_id", id, "amount", "-1"))
                .statusCode(400).body("field", equalTo("amount"));
        Api.post(delegator, "/v1/delegators/" + delegator + "/delegations", Map.of("node_id", id, "amount", "0"))
                .statusCode(400).body("field", equalTo("amount"));
        Api.post(delegator, "/v1/delegators/" + delegator + "/delegations", Map.of("node_id", id, "amount", "1.5"))
                .statusCode(400).body("field", equalTo("amount"));
        Api.post(delegator, "/v1/delegators/" + delegator + "/delegations", Map.of("node_id", 987654, "amount", "100"))
                .statusCode(404).body("field", equalTo("node_id")).body("reason", containsString("987654"));
        given().header("Authorization", TestJwt.bearer(delegator)).delete("/v1/delegators/" + delegator + "/delegations/" + id)
                .then().statusCode(404).body("error", equalTo("delegation_not_found"));
        Api.post(delegator, "/v1/delegators/" + delegator + "/delegations/" + id + "/reward/withdraw", null)
                .statusCode(404).body("field", equalTo("node_id"));
        Api.post(owner, "/v1/nodes/" + id + "/operator-reward/withdraw", null)
                .statusCode(409).body("error", equalTo("nothing_to_withdraw"));
        Api.post(owner, "/v1/nodes", Api.bondBody(owner, owner + "-second-node", "1000000000000", "0.1", "1")).statusCode(409).body("field", equalTo("owner"));
        Api.post(owner, "/v1/nodes/" + id + "/pledge", Map.of("amount", "abc")).statusCode(400).body("field", equalTo("amount"));
        given().header("Authorization", TestJwt.bearer(owner)).contentType(ContentType.JSON)
                .body(Map.of("profit_margin_percent", "1.01", "interval_operating_cost", "1"))
                .put("/v1/nodes/" + id + "/cost-params").then().statusCode(400).body("field", equalTo("profit_margin_percent"));
        assertThat(logSize()).isEqualTo(before);
    }

    @Test
    void anAccountActsOnlyOnItsOwnNodesAndParamChangesNeedAdmin() {
        String a = account("a");
        String b = account("b");
        long id = Api.bond(a, 1_000_000_000_000L, "0.1", 40_000_000);
        long before = logSize();
        Api.post(b, "/v1/nodes/" + id + "/pledge", Map.of("amount", "1000")).statusCode(403).body("field", equalTo("node_id"));
        given().header("Authorization", TestJwt.bearer(b)).delete("/v1/nodes/" + id).then().statusCode(403);
        Api.post(b, "/v1/nodes/" + id + "/operator-reward/withdraw", null).statusCode(403);
        Api.post(b, "/v1/delegators/" + a + "/delegations", Map.of("node_id", id, "amount", "100")).statusCode(403)
                .body("field", equalTo("address"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "1")).post("/v1/nodes/" + id + "/pledge").then().statusCode(401);
        given().header("Authorization", TestJwt.bearer(a)).contentType(ContentType.JSON)
                .body(Map.of("sybil_resistance", "0.4")).put("/v1/admin/reward-params").then().statusCode(403);
        assertThat(logSize()).isEqualTo(before);
        given().header("Authorization", TestJwt.bearer("ops", "admin")).contentType(ContentType.JSON)
                .body(Map.of("sybil_resistance", "0.4")).put("/v1/admin/reward-params").then().statusCode(202)
                .body("applies_at", equalTo("end of interval"));
        given().header("Authorization", TestJwt.bearer("ops", "admin")).contentType(ContentType.JSON)
                .body(Map.of("entry_gateways", 0, "exit_gateways", 1, "mixnodes", 3)).put("/v1/admin/active-set")
                .then().statusCode(400).body("field", equalTo("active_set"));
        // the owner itself may
        Api.post(a, "/v1/nodes/" + id + "/pledge", Map.of("amount", "1000")).statusCode(202);
    }

    /**
     * Drives epochs through Kafka: a delegation made during epoch N first earns in N+1; duplicates of an input change
     * nothing; the integration events reach the service's topic; a fresh fold reproduces the state and digests.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "packets=|packets", "packets=12a|packets", "packets=0|packets", "packets=9999999999999999999|packets",
            "packets=10&packet=11|packet", "packets=10&surplus=-1|surplus", "packets=10&surplus=1e3|surplus"})
    void bandwidthPriceInputIsBoundedAndNamed(String query, String field) {
        given().get("/v1/epoch/bandwidth-price?" + query).then().statusCode(400)
                .body("error", equalTo("invalid_field")).body("field", equalTo(field));
    }

    @Test
    void epochsAreRewardedFromKafkaInputsWithContractTiming() {
        String owner = account("op");
        long id = Api.bond(owner, 10_000_000_000_000L, "0.1", 40_000_000);
        String delegator = account("del");
        List<List<Long>> noLayers = List.of(List.of(), List.of(), List.of());
        Map<Long, String> perf = Map.of(id, "0.95");
        // the epoch the node bonded in: it is in the set but cannot be rewarded in it
        long bondEpoch = ledger.read(v -> v.ledger().globals().currentEpoch());
        InputTopics.feedEpoch(bondEpoch, List.of(id), List.of(), noLayers, List.of(), perf);
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.read(v -> v.ledger().globals().currentEpoch()) > bondEpoch);
        long n = ledger.read(v -> v.ledger().globals().currentEpoch());
        Treasury.fund(delegator, "5000000000000");
        Api.post(delegator, "/v1/delegators/" + delegator + "/delegations", Map.of("node_id", id, "amount", "5000000000000"))
                .statusCode(202);
        // inputs of N+1 first: held until N is closed
        InputTopics.feedEpoch(n + 1, List.of(id), List.of(), noLayers, List.of(), perf);
        InputTopics.feedEpoch(n, List.of(id), List.of(), noLayers, List.of(), perf);
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.read(v -> v.ledger().globals().currentEpoch()) >= n + 2);

        given().get("/v1/nodes/" + id + "/rewards?from_epoch=" + n + "&to_epoch=" + (n + 1)).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].epoch_id", equalTo((int) n)).body("items[0].delegates_reward", equalTo("0"))
                .body("items[0].performance", equalTo("0.95"))
                .body("items[1].epoch_id", equalTo((int) n + 1));
        // the bandwidth price (paper eq. 1) is quoted for the latest rewarded set: Theorem 1's cost is its one node's
        // flat epoch cost, and the surplus tau * E[M]
        int epochsInInterval = ledger.read(v -> v.ledger().globals().params().epochsInInterval());
        String epochCost = net.nym.tokenomics.eventlog.decimal.Decimal.of(40_000_000)
                .div(net.nym.tokenomics.eventlog.decimal.Decimal.of(epochsInInterval)).toString();
        given().get("/v1/epoch/bandwidth-price?packets=1000000&surplus=0.5").then().statusCode(200)
                .body("expected_packets", equalTo(1000000)).body("surplus", equalTo("0.5"))
                .body("expected_cost", equalTo(epochCost)).body("expected_surplus", equalTo("500000"))
                .body("mix_nodes", equalTo(1)).body("idle_nodes", equalTo(0));
        String delegatesInNPlus1 = given().get("/v1/nodes/" + id + "/rewards?from_epoch=" + (n + 1)).then()
                .extract().jsonPath().getString("items[0].delegates_reward");
        assertThat(new java.math.BigDecimal(delegatesInNPlus1)).isPositive();
        given().get("/v1/delegators/" + delegator + "/delegations").then().statusCode(200)
                .body("[0].node_id", equalTo((int) id)).body("[0].amount", equalTo("5000000000000"));
        String accrued = given().get("/v1/delegators/" + delegator + "/delegations").then().extract().jsonPath()
                .getString("[0].accrued_reward");
        assertThat(new java.math.BigDecimal(accrued)).isPositive();
        given().get("/v1/epochs/" + n + "/rewards").then().statusCode(200).body("totals.distributed", notNullValue())
                .body("totals.unclaimed", notNullValue()).body("totals.reward_pool", notNullValue())
                .body("totals.state_digest", notNullValue());
        given().get("/v1/epochs/latest").then().statusCode(200).body("epoch_id", equalTo((int) n + 1));

        // duplicates of an input (same event id and a re-publication under a new id) change nothing
        long sizeBefore = logSize();
        String digestBefore = ledger.read(LedgerView::currentDigest);
        UUID dup = InputTopics.publish(InputTopics.PERFORMANCE, new IntegrationEvents.EpochPerformanceComputed(n, null, null,
                List.of(), "x"));
        InputTopics.publish(InputTopics.PERFORMANCE, new IntegrationEvents.EpochPerformanceComputed(n, null, null, List.of(), "x"), dup);
        InputTopics.feedEpoch(n + 1, List.of(id), List.of(), noLayers, List.of(), Map.of());
        // a marker input for a future epoch shows the consumer has passed the duplicates
        UUID marker = InputTopics.publish(InputTopics.SELECTION, new IntegrationEvents.EpochEnded(n + 50, 0, 0,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> Transactions.inTransaction(dataSource,
                c -> new EventStore().readStreamAfter(c, LedgerLog.INPUTS, 0)).stream()
                .anyMatch(e -> marker.toString().equals(e.metadata().get("causation_id"))));
        assertThat(logSize()).isEqualTo(sizeBefore);
        assertThat(ledger.read(LedgerView::currentDigest)).isEqualTo(digestBefore);

        // integration events on the service topic
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> types = LocalInfra.readAll(eventLog.topic()).stream().map(r -> KafkaEnvelope.event(r).eventType()).toList();
            return types.contains("EpochRewarded") && types.contains("StakeSnapshotTaken");
        });
        IntegrationEvents.StakeSnapshotTaken snapshot = LocalInfra.readAll(eventLog.topic()).stream()
                .map(KafkaEnvelope::event).filter(e -> e.eventType().equals("StakeSnapshotTaken"))
                .map(e -> IntegrationEvents.codec().decode(e, IntegrationEvents.StakeSnapshotTaken.class))
                .filter(s -> s.epochId() == n).findFirst().orElseThrow();
        assertThat(snapshot.nodes()).anyMatch(s -> s.nodeId() == id && s.owner().equals(owner));
        assertThat(snapshot.entryGateways()).isEqualTo(50);

        // replay: a fresh fold of the stored log gives the same state and reproduces every published digest
        LedgerView fresh = LedgerService.fold(dataSource);
        assertThat(fresh.firstDigestMismatch()).isNull();
        assertThat(fresh.publishedDigests()).containsKeys(n, n + 1);
        assertThat(fresh.ledger().canonicalView()).isEqualTo(ledger.read(v -> v.ledger().canonicalView()));

        // withdrawing: once pays, twice is refused
        Api.post(delegator, "/v1/delegators/" + delegator + "/delegations/" + id + "/reward/withdraw", null).statusCode(200);
        Api.post(delegator, "/v1/delegators/" + delegator + "/delegations/" + id + "/reward/withdraw", null)
                .statusCode(409).body("error", equalTo("nothing_to_withdraw"));
        Api.post(owner, "/v1/nodes/" + id + "/operator-reward/withdraw", null).statusCode(200);
        Api.post(owner, "/v1/nodes/" + id + "/operator-reward/withdraw", null).statusCode(409);

        // unbonding is queued to the end of the epoch, then published as NodeUnbonded
        given().header("Authorization", TestJwt.bearer(owner)).delete("/v1/nodes/" + id).then().statusCode(202);
        InputTopics.feedEpoch(n + 2, List.of(), List.of(), noLayers, List.of(), Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> LocalInfra.readAll(eventLog.topic()).stream()
                .map(KafkaEnvelope::event).filter(e -> e.eventType().equals("NodeUnbonded"))
                .map(e -> IntegrationEvents.codec().decode(e, IntegrationEvents.NodeUnbonded.class))
                .anyMatch(u -> u.nodeId() == id && u.unbondedInEpoch() == n + 2));
        given().get("/v1/nym-nodes/stake-saturation/" + id).then().statusCode(404);

        // the history read models, dropped and rebuilt from the log by the admin path, equal the live ones row for row
        var live = HistoryTables.rows(dataSource);
        assertThat(live.get("reward_node_epoch")).anyMatch(r -> r.get(0).equals(Long.toString(id)) && r.get(1).equals(Long.toString(n + 1))
                && r.get(2).equals("rewarded"));
        assertThat(live.get("reward_epoch")).anyMatch(r -> r.get(0).equals(Long.toString(n + 2)));
        assertThat(live.get("delegation_change")).extracting(r -> r.get(4) + " " + r.get(5))
                .contains(delegator + " added", delegator + " reward_withdrawn");
        // account_movement: account, ledger_version, seq, epoch_id, at, kind, node_id, counterparty, change, balance_after
        assertThat(live.get("account_movement")).extracting(r -> r.get(0) + " " + r.get(5))
                .contains(delegator + " transfer_in", delegator + " delegate", delegator + " delegator_reward",
                        owner + " transfer_in", owner + " bond", owner + " operator_reward", owner + " unbonded",
                        Treasury.ACCOUNT + " genesis", Treasury.ACCOUNT + " transfer_out");
        given().header("Authorization", TestJwt.bearer(delegator)).post("/v1/admin/read-models/rebuild").then().statusCode(403);
        given().header("Authorization", TestJwt.bearer("admin-" + id, "admin")).post("/v1/admin/read-models/rebuild").then()
                .statusCode(200).body("epochs", equalTo(live.get("reward_epoch").size()))
                .body("account_movements", equalTo(live.get("account_movement").size()));
        assertThat(HistoryTables.rows(dataSource)).isEqualTo(live);
        // as at start-up after a rebuild from Kafka (the log without the tables' rows): rebuilt when behind, else not
        java.util.OptionalLong lastRewarded = java.util.OptionalLong.of(ledger.read(v -> v.publishedDigests().lastKey()));
        assertThat(rebuild.rebuildIfBehindLog(lastRewarded)).isFalse();
        Transactions.inTransaction(dataSource, c -> {
            RewardHistoryTables.clear(c);
            return null;
        });
        assertThat(rebuild.rebuildIfBehindLog(lastRewarded)).isTrue();
        assertThat(HistoryTables.rows(dataSource)).isEqualTo(live);
        // as after the migration that added account_movement to a database with a log: its genesis row is missing
        Transactions.inTransaction(dataSource, c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM account_movement");
            }
            return null;
        });
        assertThat(rebuild.rebuildIfBehindLog(lastRewarded)).isTrue();
        assertThat(HistoryTables.rows(dataSource)).isEqualTo(live);
        assertThat(rebuild.rebuildIfBehindLog(lastRewarded)).isFalse();
        given().get("/v1/delegators/" + delegator + "/delegation-history").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].change", equalTo("added")).body("items[1].change", equalTo("reward_withdrawn"));
        given().get("/v1/nodes/" + id + "/delegation-history?owner=" + delegator + "&per_page=1&page=1").then().statusCode(200)
                .body("items[0].change", equalTo("reward_withdrawn"));
        given().get("/v1/epochs?from_epoch=" + n + "&to_epoch=" + (n + 2)).then().statusCode(200)
                .body("total", equalTo(3)).body("items[0].epoch_id", equalTo((int) n + 2));
    }

}
