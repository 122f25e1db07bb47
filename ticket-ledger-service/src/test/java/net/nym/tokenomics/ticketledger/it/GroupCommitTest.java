package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.ticketledger.application.GroupCommit;
import net.nym.tokenomics.ticketledger.application.LedgerView;
import net.nym.tokenomics.ticketledger.application.LedgerWriter;
import net.nym.tokenomics.ticketledger.application.LedgerWriter.BatchResult;
import net.nym.tokenomics.ticketledger.config.LedgerSettings;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.Rejection;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

import static io.restassured.RestAssured.given;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.freshTickets;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.newGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Group commit: several batches judged in order and stored in one transaction. Groups are formed here explicitly
 * ({@link GroupCommit#commitGroup}, {@link LedgerWriter#redeemGroup}), since under load their make-up depends on timing.
 */
@QuarkusTest
class GroupCommitTest {

    @Inject
    DataSource dataSource;

    @Inject
    GroupCommit groupCommit;

    @Inject
    LedgerWriter writer;

    @Inject
    LedgerView view;

    @Inject
    LedgerSettings settings;

    @BeforeEach
    void epochKnown() {
        LedgerTestSupport.ensureEpochClock();
    }

    @Test
    void aRefusedOrResubmittedBatchInAGroupLeavesTheOthersJudgedStoredAndIndexedInOneTransaction() {
        Gateway g1 = bondedGateway();
        Gateway g2 = bondedGateway();
        Gateway stranger = newGateway();
        String contested = LedgerTestSupport.newSerial();
        List<SubmittedTicket> first = new ArrayList<>(freshTickets(3));
        first.add(LedgerTestSupport.ticket(contested));
        List<SubmittedTicket> strangers = freshTickets(2);
        List<SubmittedTicket> second = new ArrayList<>(freshTickets(2));
        second.add(LedgerTestSupport.ticket(contested));
        String k1 = key();
        String k2 = key();
        String k3 = key();

        List<CompletableFuture<BatchResult>> results = groupCommit.commitGroup(List.of(
                command(g1, k1, first), command(stranger, k2, strangers), command(g2, k3, second), command(g1, k1, first)));

        assertThat(results).allMatch(CompletableFuture::isDone);
        BatchResult.Judged a = (BatchResult.Judged) results.get(0).join();
        assertThat(a.event().counts().accepted()).isEqualTo(4);
        assertThat(results.get(1).join()).isEqualTo(new BatchResult.Refused(new Rejection.UnknownGateway(stranger.identity())));
        BatchResult.Judged c = (BatchResult.Judged) results.get(2).join();
        assertThat(c.event().counts().accepted()).isEqualTo(2);
        assertThat(c.event().outcomes().get(2)).isInstanceOfSatisfying(TicketOutcome.DoubleSpend.class,
                d -> assertThat(d.firstGatewayNodeId()).isEqualTo(g1.nodeId()));
        assertThat(results.get(3).join()).isEqualTo(new BatchResult.Resubmitted(a.event()));

        // Stored: both judged batches, in one transaction, with their index rows; nothing of the refused one.
        assertThat(Sql.batchEvents(dataSource, g1.identity().base58(), k1)).isOne();
        assertThat(Sql.batchEvents(dataSource, stranger.identity().base58(), k2)).isZero();
        assertThat(Sql.batchEvents(dataSource, g2.identity().base58(), k3)).isOne();
        assertThat(transactionsOf(List.of(k1, k3))).hasSize(1);
        assertThat(Sql.redeemed(dataSource, serials(first))).hasSize(4).containsEntry(contested, g1.nodeId())
                .allSatisfy((serial, node) -> assertThat(node).isEqualTo(g1.nodeId()));
        assertThat(Sql.redeemed(dataSource, serials(second.subList(0, 2))))
                .allSatisfy((serial, node) -> assertThat(node).isEqualTo(g2.nodeId())).hasSize(2);
        assertThat(Sql.redeemed(dataSource, serials(strangers))).isEmpty();
        given().get("/v1/tickets/" + contested).then().statusCode(200)
                .body("gateway_node_id", equalTo((int) g1.nodeId()))
                .body("double_spend_attempts.size()", equalTo(1));
        // The client's retry of the first batch gets the original judgement.
        submit(body(g1, k1, first)).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("counts.accepted", equalTo(4));
    }

    @Test
    void aFailedGroupStoresNothingAndTheClientsRetriesSucceed() {
        Gateway g1 = bondedGateway();
        Gateway g2 = bondedGateway();
        List<SubmittedTicket> b1 = freshTickets(3);
        List<SubmittedTicket> b2 = freshTickets(3);
        List<SubmittedTicket> b3 = freshTickets(3);
        String k1 = key();
        String k2 = key();
        String k3 = key();
        // The SQL index claims a serial of the second batch that the log never accepted: the group must not commit.
        corruptIndexWith(b2.get(1).serial());
        long version = view.version();

        assertThatThrownBy(() -> writer.redeemGroup(List.of(command(g1, k1, b1), command(g2, k2, b2), command(g1, k3, b3))))
                .isInstanceOf(LedgerWriter.IndexMismatchException.class);

        assertThat(view.version()).isEqualTo(version);
        for (String k : List.of(k1, k2, k3)) {
            assertThat(Sql.batchEvents(dataSource, g1.identity().base58(), k)
                    + Sql.batchEvents(dataSource, g2.identity().base58(), k)).isZero();
        }
        List<SubmittedTicket> all = new ArrayList<>(b1);
        all.addAll(b2);
        all.addAll(b3);
        assertThat(Sql.redeemed(dataSource, serials(all))).containsOnlyKeys(b2.get(1).serial());
        given().get("/v1/tickets/" + b1.getFirst().serial()).then().statusCode(404);

        // The clients retry: the healthy batches go through; the one the index disagrees with fails alone, storing nothing.
        submit(body(g1, k1, b1)).then().statusCode(200).body("counts.accepted", equalTo(3));
        submit(body(g1, k3, b3)).then().statusCode(200).body("counts.accepted", equalTo(3));
        submit(body(g2, k2, b2)).then().statusCode(500).body("error", equalTo("index_mismatch"));
        assertThat(Sql.batchEvents(dataSource, g2.identity().base58(), k2)).isZero();

        // Repaired, the last retry succeeds; every batch is stored exactly once.
        deleteFromIndex(b2.get(1).serial());
        submit(body(g2, k2, b2)).then().statusCode(200).body("counts.accepted", equalTo(3));
        assertThat(Sql.batchEvents(dataSource, g1.identity().base58(), k1)).isOne();
        assertThat(Sql.batchEvents(dataSource, g2.identity().base58(), k2)).isOne();
        assertThat(Sql.batchEvents(dataSource, g1.identity().base58(), k3)).isOne();
        assertThat(Sql.redeemed(dataSource, serials(all))).hasSize(9);
    }

    @Test
    void whenAGroupFailsEachBatchIsTriedAloneAndOnlyTheFaultyOneFails() {
        Gateway g1 = bondedGateway();
        Gateway g2 = bondedGateway();
        List<SubmittedTicket> b1 = freshTickets(2);
        List<SubmittedTicket> b2 = freshTickets(2);
        List<SubmittedTicket> b3 = freshTickets(2);
        String k1 = key();
        String k2 = key();
        String k3 = key();
        corruptIndexWith(b2.getFirst().serial());

        List<CompletableFuture<BatchResult>> results = groupCommit.commitGroup(
                List.of(command(g1, k1, b1), command(g2, k2, b2), command(g2, k3, b3)));

        assertThat(results.get(0).join()).isInstanceOf(BatchResult.Judged.class);
        assertThat(results.get(1)).isCompletedExceptionally();
        assertThatThrownBy(results.get(1)::join).hasCauseInstanceOf(LedgerWriter.IndexMismatchException.class);
        assertThat(results.get(2).join()).isInstanceOf(BatchResult.Judged.class);
        assertThat(Sql.batchEvents(dataSource, g1.identity().base58(), k1)).isOne();
        assertThat(Sql.batchEvents(dataSource, g2.identity().base58(), k2)).isZero();
        assertThat(Sql.batchEvents(dataSource, g2.identity().base58(), k3)).isOne();
        assertThat(Sql.redeemed(dataSource, serials(b2))).containsOnlyKeys(b2.getFirst().serial());
        deleteFromIndex(b2.getFirst().serial());
    }

    private LongFunction<LedgerCommand.RedeemTicketBatch> command(Gateway g, String key, List<SubmittedTicket> tickets) {
        return epoch -> new LedgerCommand.RedeemTicketBatch(g.identity(), key, tickets, Optional.empty(),
                Instant.now(), Instant.now(), epoch, settings.ledgerConfig());
    }

    private static List<String> serials(List<SubmittedTicket> tickets) {
        return tickets.stream().map(SubmittedTicket::serial).toList();
    }

    private void corruptIndexWith(String serial) {
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO redeemed_serial (serial, gateway_node_id, gateway, epoch, ticket_type, spend_date, batch_id,
                                                 redeemed_at)
                    VALUES (?, 1, 'corrupt', 1, 'v1-mixnet-entry', current_date, 'corrupt', now())""")) {
                ps.setString(1, serial);
                return ps.executeUpdate();
            }
        });
    }

    private void deleteFromIndex(String serial) {
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM redeemed_serial WHERE serial = ?")) {
                ps.setString(1, serial);
                return ps.executeUpdate();
            }
        });
    }

    /** The distinct writing transactions of the batch events with these keys. */
    private List<String> transactionsOf(List<String> keys) {
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT transaction_id::text FROM event_log
                     WHERE event_type = 'TicketBatchRedeemed' AND payload->>'batch_id' = ANY(?)""")) {
                ps.setArray(1, c.createArrayOf("text", keys.toArray()));
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }
}
