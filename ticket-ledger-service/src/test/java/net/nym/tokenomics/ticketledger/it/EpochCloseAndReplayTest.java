package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.ticketledger.application.CloseDigests;
import net.nym.tokenomics.ticketledger.application.LedgerView;
import net.nym.tokenomics.ticketledger.application.LedgerWriter;
import net.nym.tokenomics.ticketledger.domain.ledger.EpochTotals;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketStatus;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import net.nym.tokenomics.ticketledger.persistence.EpochClock;
import net.nym.tokenomics.ticketledger.persistence.LedgerEventCodec;
import net.nym.tokenomics.ticketledger.persistence.SerialIndex;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.freshTickets;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class EpochCloseAndReplayTest {

    @Inject
    DataSource dataSource;

    @Inject
    EpochClock epochClock;

    @Inject
    LedgerView view;

    @Inject
    SerialIndex index;

    @Inject
    LedgerWriter writer;

    @BeforeEach
    void epochKnown() {
        LedgerTestSupport.ensureEpochClock();
    }

    @Test
    void epochEndedClosesUsageWithExactTotalsAndLaterTicketsCountInTheNextEpoch() {
        Gateway g1 = bondedGateway();
        Gateway g2 = bondedGateway();
        long epoch = submit(body(g1, key(), freshTickets(3))).then().statusCode(200).extract().jsonPath().getLong("epoch");
        List<SubmittedTicket> wg = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            wg.add(new SubmittedTicket(LedgerTestSupport.newSerial(), "v1-wireguard-exit", LedgerTestSupport.today()));
        }
        submit(body(g2, key(), wg)).then().statusCode(200).body("epoch", equalTo((int) epoch));
        submit(body(g1, key(), freshTickets(1))).then().statusCode(200);

        LedgerTestSupport.produce(LedgerTestSupport.topic("selection"), IntegrationEvents.EpochEnded.TYPE,
                new IntegrationEvents.EpochEnded(epoch, 0, (int) epoch, Instant.now().minusSeconds(3600), Instant.now(), false));
        IntegrationEvents.EpochUsageClosed closed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> usageClosed(epoch), Optional::isPresent).orElseThrow();

        IntegrationEvents.GatewayUsage u1 = closed.gateways().stream().filter(u -> u.nodeId() == g1.nodeId()).findFirst().orElseThrow();
        IntegrationEvents.GatewayUsage u2 = closed.gateways().stream().filter(u -> u.nodeId() == g2.nodeId()).findFirst().orElseThrow();
        assertThat(u1.tickets()).isEqualTo(4);
        assertThat(u1.bandwidthBytes()).isEqualTo(4 * 200_000_000L);
        assertThat(u1.redeemedValue()).isEqualTo(Decimal.parse("6000000"));
        assertThat(u2.tickets()).isEqualTo(2);
        assertThat(u2.bandwidthBytes()).isEqualTo(2 * 500_000_000L);
        assertThat(u2.redeemedValue()).isEqualTo(Decimal.parse("3000000"));
        assertThat(closed.gateways()).extracting(IntegrationEvents.GatewayUsage::nodeId).isSorted();
        assertThat(closed.totalTickets()).isEqualTo(closed.gateways().stream().mapToLong(IntegrationEvents.GatewayUsage::tickets).sum());
        assertThat(closed.feeIncome()).isEqualTo(closed.gateways().stream().map(IntegrationEvents.GatewayUsage::redeemedValue)
                .reduce(Decimal.ZERO, Decimal::plus));
        // The record can reach Kafka before this instance's view has folded the closing: catch it up first.
        view.catchUp();
        assertThat(view.firstDigestMismatch()).isNull();
        given().get("/v1/epochs/" + epoch + "/usage").then().statusCode(200)
                .body("closed", equalTo(true))
                .body("total_tickets", equalTo((int) closed.totalTickets()))
                .body("fee_income", equalTo(closed.feeIncome().toString()))
                .body("state_digest", equalTo(closed.stateDigest()));

        // The published record is caused by the EpochEnded input and sits next to the domain fact in the log.
        StoredEvent published = publishedEnvelope(epoch).orElseThrow();
        assertThat(published.metadata()).containsKey("causation_id");

        // A ticket accepted after the close counts in epoch + 1, even though the clock was never told about it.
        SubmittedTicket late = freshTickets(1).getFirst();
        submit(body(g1, key(), List.of(late))).then().statusCode(200).body("epoch", equalTo((int) epoch + 1));
        given().get("/v1/tickets/" + late.serial()).then().statusCode(200).body("epoch", equalTo((int) epoch + 1));
        given().get("/v1/gateways/" + g1.nodeId() + "/usage?from_epoch=" + epoch + "&to_epoch=" + (epoch + 1)).then()
                .statusCode(200)
                .body("epochs.epoch", equalTo(List.of((int) epoch, (int) epoch + 1)))
                .body("epochs.tickets", equalTo(List.of(4, 1)))
                .body("epochs.closed", equalTo(List.of(true, false)));

        // Redelivering EpochEnded(epoch) publishes nothing new.
        LedgerTestSupport.produce(LedgerTestSupport.topic("selection"), IntegrationEvents.EpochEnded.TYPE,
                new IntegrationEvents.EpochEnded(epoch, 0, (int) epoch, Instant.now().minusSeconds(3600), Instant.now(), false));
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/v1/epochs/current").jsonPath().getLong("epoch_clock") >= epoch + 1);
        given().get("/v1/epochs/" + epoch + "/usage").then().statusCode(200)
                .body("total_tickets", equalTo((int) closed.totalTickets()))
                .body("state_digest", equalTo(closed.stateDigest()));
        assertThat(view.<Optional<EpochTotals>>read(s -> s.epochTotals(epoch))).as("a closed epoch's usage is no longer in the fold").isEmpty();
    }

    /**
     * A ledger rebuilt from Kafka has its log (closings included) but not the {@code epoch_clock} table, which its
     * consumer fills only once it has re-read selection's topic. In between, a batch counts in the epoch the log left
     * open; it is not refused with 503 (a gateway that does not retry would lose those tickets).
     */
    @Test
    void withTheClockTableEmptyAsAfterARebuildTicketsCountInTheEpochTheLogLeftOpen() {
        Gateway g = bondedGateway();
        long epoch = submit(body(g, key(), freshTickets(2))).then().statusCode(200).extract().jsonPath().getLong("epoch");
        LedgerTestSupport.produce(LedgerTestSupport.topic("selection"), IntegrationEvents.EpochEnded.TYPE,
                new IntegrationEvents.EpochEnded(epoch, 0, (int) epoch, Instant.now().minusSeconds(3600), Instant.now(), false));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> usageClosed(epoch), Optional::isPresent);
        long clockBefore = given().get("/v1/epochs/current").jsonPath().getLong("epoch_clock");
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("UPDATE epoch_clock SET current_epoch = NULL WHERE id = 1");
                }
                return null;
            });
            given().get("/v1/epochs/current").then().statusCode(200).body("epoch_clock", equalTo(null));

            SubmittedTicket t = freshTickets(1).getFirst();
            submit(body(g, key(), List.of(t))).then().statusCode(200)
                    .body("epoch", equalTo((int) epoch + 1)).body("counts.accepted", equalTo(1));
            given().get("/v1/tickets/" + t.serial()).then().statusCode(200).body("epoch", equalTo((int) epoch + 1));
        } finally {
            Transactions.inTransaction(dataSource, c -> {
                epochClock.advanceTo(c, clockBefore);
                return null;
            });
        }
    }

    @Test
    void theUsageReadModelDroppedAndRebuiltFromTheLogEqualsTheLiveOneRowForRow() {
        Gateway g = bondedGateway();
        long epoch = submit(body(g, key(), freshTickets(3))).then().statusCode(200).extract().jsonPath().getLong("epoch");
        LedgerTestSupport.produce(LedgerTestSupport.topic("selection"), IntegrationEvents.EpochEnded.TYPE,
                new IntegrationEvents.EpochEnded(epoch, 0, (int) epoch, Instant.now().minusSeconds(3600), Instant.now(), false));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> usageClosed(epoch), Optional::isPresent);
        List<String> live = Sql.usageRows(dataSource);
        assertThat(live).anySatisfy(row -> assertThat(row).startsWith("(" + g.nodeId() + "," + epoch + ",3,"));

        assertThat(writer.rebuildUsageIfBehindLog()).as("rows present: nothing to do").isFalse();
        dropUsageRows();
        given().get("/v1/epochs/" + epoch + "/usage").then().statusCode(404);
        // as at start-up after a rebuild from Kafka: the last close has no row, so the read model is rebuilt
        assertThat(writer.rebuildUsageIfBehindLog()).isTrue();
        assertThat(Sql.usageRows(dataSource)).isEqualTo(live);

        dropUsageRows();
        given().header("Authorization", TestJwt.bearer("n1operator", "admin")).post("/v1/admin/read-models/rebuild")
                .then().statusCode(200).body("events", equalTo((int) Sql.allEvents(dataSource)));
        assertThat(Sql.usageRows(dataSource)).isEqualTo(live);
        given().get("/v1/gateways/" + g.nodeId() + "/usage?from_epoch=" + epoch + "&to_epoch=" + epoch).then().statusCode(200)
                .body("epochs.tickets", equalTo(List.of(3))).body("epochs.closed", equalTo(List.of(true)));
    }

    private void dropUsageRows() {
        Transactions.inTransaction(dataSource, c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM gateway_epoch_usage");
                st.executeUpdate("DELETE FROM epoch_usage");
            }
            return null;
        });
    }

    @Test
    void aFreshFoldOfTheLogGivesTheSameStateUsageAndDoubleSpendIndexAsLiveAndAsSql() {
        Gateway g = bondedGateway();
        Gateway other = bondedGateway();
        List<SubmittedTicket> tickets = freshTickets(20);
        submit(body(g, key(), tickets)).then().statusCode(200);
        submit(body(other, key(), tickets.subList(0, 5))).then().statusCode(200).body("counts.double_spend", equalTo(5));

        view.catchUp();
        record Fold(LedgerState state, Map<Long, String> digests) { }
        Fold fold = Transactions.inTransaction(dataSource, c -> {
            LedgerState state = LedgerState.empty();
            Map<Long, String> digests = new TreeMap<>();
            String digest = CloseDigests.GENESIS;
            long version = 0;
            while (true) {
                List<StoredEvent> page = new EventStore().readStreamAfter(c, LedgerView.STREAM, version, 100);
                for (StoredEvent e : page) {
                    if (LedgerEventCodec.decode(e) instanceof LedgerEvent event) {
                        TicketLedger.evolve(state, event);
                        if (event instanceof LedgerEvent.EpochUsageClosed close) {
                            digest = CloseDigests.next(digest, close, state.indexedSerials());
                            digests.put(close.epoch(), digest);
                        }
                    }
                    version = e.streamVersion();
                }
                if (page.size() < 100) {
                    return new Fold(state, digests);
                }
            }
        });
        String live = view.read(s -> StateDigest.of(s.canonicalView()));
        assertThat(StateDigest.of(fold.state().canonicalView())).isEqualTo(live);
        // Every close's digest as the usage read model serves it (the published one) is the fresh fold's chain.
        assertThat(Transactions.inTransaction(dataSource, Sql::closeDigests)).isEqualTo(fold.digests());
        assertThat(view.firstDigestMismatch()).isNull();

        // The SQL index holds exactly the folded double-spend index.
        Map<String, Long> sql = Transactions.inTransaction(dataSource, index::all);
        assertThat(sql.size()).isEqualTo(fold.state().indexedSerials());
        sql.forEach((serial, node) -> assertThat(fold.state().ticketStatus(serial))
                .isInstanceOfSatisfying(TicketStatus.Redeemed.class, r -> assertThat(r.firstRedemption().gatewayNodeId()).isEqualTo(node)));
        // Usage per epoch is the same.
        long open = view.read(s -> s.openEpoch().orElse(0));
        for (long e = Math.max(0, open - 5); e <= open; e++) {
            long epoch = e;
            assertThat(fold.state().epochTotals(epoch)).isEqualTo(view.read(s -> s.epochTotals(epoch)));
        }
    }

    private Optional<IntegrationEvents.EpochUsageClosed> usageClosed(long epoch) {
        return publishedEnvelope(epoch).map(e -> IntegrationEvents.codec().decode(e, IntegrationEvents.EpochUsageClosed.class));
    }

    private Optional<StoredEvent> publishedEnvelope(long epoch) {
        for (ConsumerRecord<String, byte[]> r : LocalInfra.readAll(LedgerTestSupport.topic("ticket-ledger"))) {
            StoredEvent e = KafkaEnvelope.event(r);
            if (e.eventType().equals(IntegrationEvents.EpochUsageClosed.TYPE)
                    && IntegrationEvents.codec().decode(e, IntegrationEvents.EpochUsageClosed.class).epochId() == epoch) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
