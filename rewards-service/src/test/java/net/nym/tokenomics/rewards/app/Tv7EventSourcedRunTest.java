package net.nym.tokenomics.rewards.app;

import net.nym.tokenomics.rewards.rest.Treasury;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.application.LedgerView;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TV7 ({@code multiple_nodes_against_known_values}) through the whole event-sourced path: bonds and delegations over
 * REST, 24 epochs driven by input events on Kafka (the genesis epoch, then 23 one-epoch intervals), every decision
 * appended to the log; then the final balances compared to all 18 digits, and a fresh fold of the stored log gives
 * the same state and reproduces every published digest.
 */
@QuarkusTest
@TestProfile(Tv7Profile.class)
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class Tv7EventSourcedRunTest {

    private record Spec(long pledge, long delegation, String profitMargin, long operatingCost, String performance, boolean active) {
    }

    private static final List<Spec> NODES = List.of(
            new Spec(11_000_000_000000L, 1_000_000_000000L, "0.1", 40_000_000, "1", true),
            new Spec(1_000_000_000000L, 11_000_000_000000L, "0.1", 40_000_000, "1", true),
            new Spec(1_000_000_000000L, 9_000_000_000000L, "0.1", 40_000_000, "1", true),
            new Spec(1_000_000_000000L, 7_000_000_000000L, "0", 500_000_000, "0.9", true),
            new Spec(1000_000000L, 7_999_000_000000L, "0.1", 40_000_000, "0.9", true),
            new Spec(1_000_000_000000L, 7_000_000_000000L, "0.1", 40_000_000, "0", true),
            new Spec(11_000_000_000000L, 1_000_000_000000L, "0.1", 40_000_000, "1", false),
            new Spec(1_000_000_000000L, 9_000_000_000000L, "0.1", 40_000_000, "1", false),
            new Spec(1_000_000_000000L, 7_000_000_000000L, "0", 500_000_000, "0.9", false),
            new Spec(1_000_000_000000L, 7_000_000_000000L, "0.1", 40_000_000, "0", false));

    private static final String[][] FINAL_O_D = {
            {"24307061704726.807241019032902791", "2031528592775.674914034841893849"},
            {"3544171010629.919366818893823769", "20854154351479.96722623633467555"},
            {"3781120900089.886398534561477504", "18634530734287.533142234547036527"},
            {"2313562111772.316494299695801578", "16090515100131.85603075372112699"},
            {"1419679306492.79595539847760108", "16802494863659.928748634033387125"},
            {"1000000000000", "7000000000000"},
            {"14114996375922.568570847855331308", "1249173915284.05259623477430107"},
            {"1225564192694.352790295139261335", "9931461332688.533791247541911727"},
            {"1112319106593.860374496820742447", "7710855078658.264033103287380718"},
            {"1000000000000", "7000000000000"},
    };

    @Inject
    LedgerService ledger;

    @Inject
    DataSource dataSource;

    @Test
    void tv7ThroughRestKafkaAndTheEventStore() {
        List<Long> ids = new ArrayList<>();
        Map<Long, String> performance = new HashMap<>();
        for (int i = 0; i < NODES.size(); i++) {
            Spec s = NODES.get(i);
            long id = Api.bond("tv7-op" + i, s.pledge(), s.profitMargin(), s.operatingCost());
            String delegator = "tv7-delegator" + i;
            Treasury.fund(delegator, Long.toString(s.delegation()));
            Api.post(delegator, "/v1/delegators/" + delegator + "/delegations",
                    Map.of("node_id", id, "amount", Long.toString(s.delegation()))).statusCode(202);
            ids.add(id);
            performance.put(id, s.performance());
        }
        assertThat((long) ledger.read(v -> v.ledger().globals().currentEpoch())).isZero();
        List<List<Long>> none = List.of(List.of(), List.of(), List.of());
        InputTopics.feedEpoch(0, List.of(), List.of(), none, List.of(), Map.of());
        List<List<Long>> layers = List.of(List.of(ids.get(3)), List.of(ids.get(4)), List.of(ids.get(5)));
        for (long epoch = 1; epoch <= 23; epoch++) {
            InputTopics.feedEpoch(epoch, List.of(ids.get(0)), List.of(ids.get(1), ids.get(2)), layers, ids.subList(6, 10), performance);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> ledger.read(v -> v.ledger().globals().currentEpoch()) == 24);

        for (int i = 0; i < ids.size(); i++) {
            var node = given().get("/v1/nodes/" + ids.get(i)).then().statusCode(200).extract().jsonPath();
            assertThat(Decimal.parse(node.getString("operator"))).as("O of n%d", i).isEqualTo(Decimal.parse(FINAL_O_D[i][0]));
            assertThat(Decimal.parse(node.getString("delegates"))).as("D of n%d", i).isEqualTo(Decimal.parse(FINAL_O_D[i][1]));
        }
        var params = given().get("/v1/epoch/reward_params").then().statusCode(200).extract().jsonPath();
        assertThat(Decimal.parse(params.getString("interval.reward_pool"))).isEqualTo(Decimal.parse("184876811322111.682325810441344632"));
        assertThat(Decimal.parse(params.getString("interval.staking_supply"))).isEqualTo(Decimal.parse("165123188677888.317674189558655368"));
        assertThat((long) ledger.read(v -> v.ledger().globals().clock().intervalId())).isEqualTo(24L);

        LedgerView fresh = LedgerService.fold(dataSource);
        assertThat(fresh.firstDigestMismatch()).isNull();
        assertThat(fresh.publishedDigests()).hasSize(24).isEqualTo(ledger.read(v -> new java.util.TreeMap<>(v.publishedDigests())));
        assertThat(fresh.ledger().canonicalView()).isEqualTo(ledger.read(v -> v.ledger().canonicalView()));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(fresh.ledger().node(ids.get(i)).orElseThrow().rewarding().operator()).isEqualTo(Decimal.parse(FINAL_O_D[i][0]));
        }
    }
}
