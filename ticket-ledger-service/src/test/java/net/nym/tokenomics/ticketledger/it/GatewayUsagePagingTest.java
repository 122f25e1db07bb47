package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.freshTickets;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * {@code GET /v1/gateways/{node_id}/usage} one page at a time (issue 20), against real PostgreSQL and Kafka: a
 * gateway's epochs closed (usage read model) and open (fold) in one range, cut into pages of every size; the pages
 * concatenate to the whole range in epoch order, the page after the last is empty, and page / per_page out of bounds
 * are refused with the JSON error body and nothing written.
 */
@QuarkusTest
class GatewayUsagePagingTest {

    private static final int EPOCHS = 12;
    /** Epochs first .. first + CLOSED_THROUGH are closed, the rest stay open. */
    private static final int CLOSED_THROUGH = 7;
    /** The epoch (offset from the first) in which only another gateway redeems: a hole in the gateway's rows. */
    private static final int HOLE = 4;

    @Inject
    DataSource dataSource;

    @Test
    void pagesOfClosedAndOpenEpochsConcatenateToTheWholeRangeInEpochOrder() {
        LedgerTestSupport.ensureEpochClock();
        Gateway g = bondedGateway();
        Gateway other = bondedGateway();
        // One batch per epoch, EpochStarted moving the clock between them (so several epochs are open at once), then
        // EpochEnded closing the first CLOSED_THROUGH + 1 of them.
        long first = -1;
        for (int i = 0; i < EPOCHS; i++) {
            if (i > 0) {
                startEpoch(first + i);
            }
            long epoch = submit(body(i == HOLE ? other : g, key(), freshTickets(tickets(i)))).then().statusCode(200)
                    .extract().jsonPath().getLong("epoch");
            if (i == 0) {
                first = epoch;
            }
            assertThat(epoch).isEqualTo(first + i);
        }
        endEpoch(first + CLOSED_THROUGH);
        long last = first + EPOCHS - 1;

        List<Long> epochs = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        List<Integer> tickets = new ArrayList<>();
        for (int i = 0; i < EPOCHS; i++) {
            if (i != HOLE) {
                epochs.add(first + i);
                closed.add(i <= CLOSED_THROUGH);
                tickets.add(tickets(i));
            }
        }
        JsonPath whole = usage(g, first, last + 2, 0, 1000).then().statusCode(200).extract().jsonPath();
        assertThat(whole.getList("epochs.epoch", Long.class)).isEqualTo(epochs);
        assertThat(whole.getList("epochs.closed", Boolean.class)).isEqualTo(closed);
        assertThat(whole.getList("epochs.tickets", Integer.class)).isEqualTo(tickets);
        assertThat(whole.getLong("total")).isEqualTo(EPOCHS - 1);
        assertThat(whole.getLong("from_epoch")).isEqualTo(first);
        assertThat(whole.getLong("to_epoch")).isEqualTo(last + 2);
        assertThat(whole.getInt("page")).isZero();
        assertThat(whole.getInt("per_page")).isEqualTo(1000);
        List<Map<String, Object>> all = whole.getList("epochs");

        // Ranges across the boundary, closed only, open only, and starting and ending inside the hole.
        long[][] ranges = {{first, last + 2}, {first + 2, first + CLOSED_THROUGH + 2}, {first, first + CLOSED_THROUGH},
                {first + CLOSED_THROUGH + 1, last}, {first + HOLE, first + HOLE}, {first + HOLE, last}};
        for (long[] range : ranges) {
            List<Map<String, Object>> expected = all.stream()
                    .filter(r -> ((Number) r.get("epoch")).longValue() >= range[0] && ((Number) r.get("epoch")).longValue() <= range[1])
                    .toList();
            for (int perPage = 1; perPage <= EPOCHS + 1; perPage++) {
                List<Map<String, Object>> concatenated = new ArrayList<>();
                int pages = (expected.size() + perPage - 1) / perPage;
                for (int page = 0; page <= pages; page++) {
                    JsonPath p = usage(g, range[0], range[1], page, perPage).then().statusCode(200).extract().jsonPath();
                    String what = "range " + range[0] + ".." + range[1] + ", page " + page + " of per_page " + perPage;
                    assertThat(p.getLong("total")).as(what).isEqualTo(expected.size());
                    assertThat(p.getInt("page")).as(what).isEqualTo(page);
                    assertThat(p.getInt("per_page")).as(what).isEqualTo(perPage);
                    assertThat(p.getLong("from_epoch")).as(what).isEqualTo(range[0]);
                    assertThat(p.getLong("to_epoch")).as(what).isEqualTo(range[1]);
                    List<Map<String, Object>> rows = p.getList("epochs");
                    assertThat(rows).as(what).hasSize(Math.max(0, Math.min(perPage, expected.size() - page * perPage)));
                    concatenated.addAll(rows);
                }
                assertThat(concatenated).as("range " + range[0] + ".." + range[1] + ", per_page " + perPage)
                        .isEqualTo(expected);
            }
        }

        // A page that straddles the boundary: the last closed rows, then the first open ones.
        JsonPath straddling = usage(g, first, last, 1, 5).then().statusCode(200).extract().jsonPath();
        assertThat(straddling.getList("epochs.closed", Boolean.class)).containsExactly(true, true, false, false, false);
        assertThat(straddling.getList("epochs.epoch", Long.class)).isEqualTo(epochs.subList(5, 10));
        // Far past the end (an offset beyond an int): empty, with the total.
        usage(g, first, last, Integer.MAX_VALUE, 1000).then().statusCode(200)
                .body("epochs", empty()).body("total", equalTo(EPOCHS - 1));
        // Defaults: page 0 of 100, the fields the endpoint answered before paging still there.
        given().get("/v1/gateways/" + g.nodeId() + "/usage?from_epoch=" + first + "&to_epoch=" + last).then().statusCode(200)
                .body("page", equalTo(0)).body("per_page", equalTo(100))
                .body("node_id", equalTo((int) g.nodeId()))
                .body("epochs.epoch", hasSize(EPOCHS - 1))
                .body("epochs[0]", equalTo(all.getFirst()));
    }

    @Test
    void pageAndPerPageOutOfBoundsAreRefusedWithTheErrorBodyAndNothingWritten() {
        refused("invalid_per_page", "per_page", "per_page=0");
        refused("invalid_per_page", "per_page", "per_page=-1");
        refused("invalid_per_page", "per_page", "per_page=1001");
        refused("invalid_page", "page", "page=-1");
        refused("invalid_page", "page", "page=-1&per_page=5000");
        given().get("/v1/gateways/1/usage?per_page=1000").then().statusCode(200);
        given().get("/v1/gateways/1/usage?per_page=1").then().statusCode(200);
    }

    /** The OpenAPI document states the paging parameters' bounds and defaults. */
    @Test
    void theOpenApiDocumentDescribesThePagingParameters() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> params = doc.getList("paths.'/v1/gateways/{node_id}/usage'.get.parameters");
        Map<String, Object> perPage = params.stream().filter(p -> "per_page".equals(p.get("name"))).findFirst().orElseThrow();
        Map<String, Object> page = params.stream().filter(p -> "page".equals(p.get("name"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> perPageSchema = (Map<String, Object>) perPage.get("schema");
        @SuppressWarnings("unchecked")
        Map<String, Object> pageSchema = (Map<String, Object>) page.get("schema");
        assertThat(perPageSchema).containsEntry("maximum", 1000).containsEntry("minimum", 1).containsEntry("default", 100);
        assertThat(pageSchema).containsEntry("minimum", 0).containsEntry("default", 0);
    }

    private void refused(String error, String field, String query) {
        long logBefore = Sql.logSize(dataSource);
        Response r = given().get("/v1/gateways/1/usage?" + query);
        assertThat(r.statusCode()).as(query + ": " + r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/json");
        Map<String, Object> body = r.jsonPath().getMap("");
        assertThat(body).as(query).containsOnlyKeys("error", "field", "reason")
                .containsEntry("error", error).containsEntry("field", field);
        assertThat((String) body.get("reason")).as(query).isNotBlank();
        assertThat(Sql.logSize(dataSource)).as(query + ": nothing recorded").isEqualTo(logBefore);
    }

    private static int tickets(int i) {
        return 1 + i % 3;
    }

    private static Response usage(Gateway g, long from, long to, int page, int perPage) {
        return given().get("/v1/gateways/" + g.nodeId() + "/usage?from_epoch=" + from + "&to_epoch=" + to + "&page=" + page
                + "&per_page=" + perPage);
    }

    private static void startEpoch(long epoch) {
        LedgerTestSupport.produce(LedgerTestSupport.topic("selection"), IntegrationEvents.EpochStarted.TYPE,
                new IntegrationEvents.EpochStarted(epoch, 0, (int) epoch, Instant.now(), Instant.now().plusSeconds(3600)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/v1/epochs/current").jsonPath().getLong("epoch_clock") >= epoch);
    }

    private static void endEpoch(long epoch) {
        LedgerTestSupport.produce(LedgerTestSupport.topic("selection"), IntegrationEvents.EpochEnded.TYPE,
                new IntegrationEvents.EpochEnded(epoch, 0, (int) epoch, Instant.now().minusSeconds(3600), Instant.now(), false));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Object closed = given().get("/v1/epochs/current").jsonPath().get("last_closed_epoch");
            return closed != null && ((Number) closed).longValue() >= epoch;
        });
    }
}
