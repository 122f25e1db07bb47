package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.RedeemTicketBatch;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome.Status;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchDigest;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.CONFIG;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.EPOCH;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW1;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW2;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW3_UNBONDED;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.NOW;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.STRANGER;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.TODAY;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.batch;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.serial;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.ticket;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.tickets;
import static org.assertj.core.api.Assertions.assertThat;

class BatchRedemptionTest {

    private static final String ENTRY = "v1-mixnet-entry";
    private static final Consumer<LedgerFixture> NOTHING = f -> { };

    static Stream<Arguments> outcomes() {
        String notBase58 = serial(1).substring(0, 5) + "0" + serial(1).substring(6);
        String shortSerial = Base58.encode(new byte[32]);
        return Stream.of(
                row("first redemption", NOTHING, ticket(1), Status.ACCEPTED, null),
                row("mixnet exit", NOTHING, ticket(1, "v1-mixnet-exit", TODAY), Status.ACCEPTED, null),
                row("wireguard entry", NOTHING, ticket(1, "v1-wireguard-entry", TODAY), Status.ACCEPTED, null),
                row("wireguard exit", NOTHING, ticket(1, "v1-wireguard-exit", TODAY), Status.ACCEPTED, null),
                row("oldest date in window", NOTHING, ticket(1, ENTRY, TODAY.minusDays(7)), Status.ACCEPTED, null),
                row("same gateway again", f -> f.redeem(GW1, List.of(ticket(1))), ticket(1), Status.REPLAYED, null),
                row("other gateway first", f -> f.redeem(GW2, List.of(ticket(1))), ticket(1), Status.DOUBLE_SPEND, null),
                row("not base58", NOTHING, new SubmittedTicket(notBase58, ENTRY, TODAY), Status.INVALID, InvalidReason.MALFORMED_SERIAL),
                row("32-byte serial", NOTHING, new SubmittedTicket(shortSerial, ENTRY, TODAY), Status.INVALID, InvalidReason.MALFORMED_SERIAL),
                row("unknown type", NOTHING, ticket(1, "v2-mixnet-entry", TODAY), Status.INVALID, InvalidReason.UNKNOWN_TICKET_TYPE),
                row("type in wrong case", NOTHING, ticket(1, "V1-MIXNET-ENTRY", TODAY), Status.INVALID, InvalidReason.UNKNOWN_TICKET_TYPE),
                row("spend date tomorrow", NOTHING, ticket(1, ENTRY, TODAY.plusDays(1)), Status.INVALID, InvalidReason.SPEND_DATE_OUTSIDE_WINDOW),
                row("spend date 8 days ago", NOTHING, ticket(1, ENTRY, TODAY.minusDays(8)), Status.INVALID, InvalidReason.SPEND_DATE_OUTSIDE_WINDOW),
                row("replay outside window", f -> f.redeem(GW1, List.of(ticket(1, ENTRY, TODAY.minusDays(7)))),
                        ticket(1, ENTRY, TODAY.minusDays(8)), Status.INVALID, InvalidReason.SPEND_DATE_OUTSIDE_WINDOW));
    }

    private static Arguments row(String name, Consumer<LedgerFixture> given, SubmittedTicket ticket, Status status,
                                 InvalidReason reason) {
        return Arguments.of(name, given, ticket, status, reason);
    }

    @ParameterizedTest(name = "{0} -> {3} {4}")
    @MethodSource("outcomes")
    void judgesEachTicket(String name, Consumer<LedgerFixture> given, SubmittedTicket ticket, Status status,
                          InvalidReason reason) {
        LedgerFixture f = LedgerFixture.withGateways();
        given.accept(f);

        TicketBatchRedeemed event = f.redeem(GW1, List.of(ticket));

        TicketOutcome outcome = event.outcomes().getFirst();
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.position()).isZero();
        if (outcome instanceof TicketOutcome.Invalid invalid) {
            assertThat(invalid.reason()).isEqualTo(reason);
            assertThat(invalid.serial()).isEqualTo(ticket.serial());
        }
        assertThat(event.counts().accepted()).isEqualTo(status == Status.ACCEPTED ? 1 : 0);
    }

    @Test
    void oneBadTicketDoesNotSpoilTheBatchAndTheFoldedStateMatchesTheEvent() {
        LedgerFixture f = LedgerFixture.withGateways();
        List<SubmittedTicket> tickets = List.of(ticket(1), ticket(2, "v9-bogus", TODAY),
                ticket(3, "v1-wireguard-exit", TODAY), new SubmittedTicket("not-a-serial", ENTRY, TODAY));

        TicketBatchRedeemed event = f.redeem(GW1, tickets);

        assertThat(event.outcomes()).extracting(TicketOutcome::status)
                .containsExactly(Status.ACCEPTED, Status.INVALID, Status.ACCEPTED, Status.INVALID);
        assertThat(((TicketOutcome.Invalid) event.outcomes().get(1)).reason()).isEqualTo(InvalidReason.UNKNOWN_TICKET_TYPE);
        assertThat(((TicketOutcome.Invalid) event.outcomes().get(3)).reason()).isEqualTo(InvalidReason.MALFORMED_SERIAL);
        assertThat(((TicketOutcome.Invalid) event.outcomes().get(3)).detail()).contains("'-' at position 3");
        assertThat(event.counts()).isEqualTo(new BatchCounts(4, 2, 0, 0, 2));
        assertThat(event.epoch()).isEqualTo(EPOCH);
        assertThat(event.gatewayNodeId()).isEqualTo(1);
        assertThat(event.accepted()).containsExactly(
                new TypeUsage(TicketType.V1_MIXNET_ENTRY, 1, 200_000_000L, Decimal.parse("1500000")),
                new TypeUsage(TicketType.V1_WIREGUARD_EXIT, 1, 500_000_000L, Decimal.parse("1500000")));
        assertThat(event.acceptedValue()).isEqualTo(Decimal.parse("3000000"));
        assertThat(event.acceptedDigest()).isEqualTo(BatchDigest.base58Of(List.of(
                TicketSerial.parse(serial(1)).bytes(), TicketSerial.parse(serial(3)).bytes())));

        // The folded state holds exactly what the event says.
        assertThat(f.state.ticketStatus(serial(1))).isInstanceOfSatisfying(TicketStatus.Redeemed.class, r -> {
            assertThat(r.firstRedemption().gatewayNodeId()).isEqualTo(1);
            assertThat(r.firstRedemption().batchId()).isEqualTo(event.batchId());
            assertThat(r.firstRedemption().firstSeenAt()).isEqualTo(NOW);
            assertThat(r.firstRedemption().type()).isEqualTo(TicketType.V1_MIXNET_ENTRY);
        });
        assertThat(f.state.ticketStatus(serial(3))).isInstanceOf(TicketStatus.Redeemed.class);
        assertThat(f.state.ticketStatus(serial(2))).isInstanceOf(TicketStatus.NotRedeemed.class);
        assertThat(f.state.ticketStatus("not-a-serial")).isInstanceOf(TicketStatus.Malformed.class);
        assertThat(f.state.indexedSerials()).isEqualTo(2);
        assertThat(f.state.gatewayUsage(1, EPOCH, EPOCH)).singleElement().satisfies(row -> {
            assertThat(row.usage().byType()).isEqualTo(event.accepted());
            assertThat(row.usage().tickets()).isEqualTo(2);
            assertThat(row.usage().bytes()).isEqualTo(700_000_000L);
            assertThat(row.usage().value()).isEqualTo(event.acceptedValue());
        });
    }

    @Test
    void sameSerialFromTwoGatewaysIsAcceptedOnceAndTheDoubleSpendNamesBoth() {
        LedgerFixture f = LedgerFixture.withGateways();

        TicketBatchRedeemed first = f.redeem(GW1, List.of(ticket(7)));
        TicketBatchRedeemed second = f.redeem(GW2, List.of(ticket(7)));

        assertThat(first.outcomes().getFirst().status()).isEqualTo(Status.ACCEPTED);
        assertThat(second.outcomes().getFirst()).isInstanceOfSatisfying(TicketOutcome.DoubleSpend.class, d -> {
            assertThat(d.firstGatewayNodeId()).isEqualTo(1);
            assertThat(d.firstGateway()).isEqualTo(GW1);
            assertThat(d.gatewayNodeId()).isEqualTo(2);
            assertThat(d.gateway()).isEqualTo(GW2);
            assertThat(d.firstSeenAt()).isEqualTo(NOW);
        });
        assertThat(second.counts()).isEqualTo(new BatchCounts(1, 0, 0, 1, 0));
        assertThat(f.state.ticketStatus(serial(7))).isInstanceOfSatisfying(TicketStatus.Redeemed.class, r -> {
            assertThat(r.firstRedemption().gatewayNodeId()).isEqualTo(1);
            assertThat(r.doubleSpendAttempts()).singleElement().satisfies(a -> {
                assertThat(a.gatewayNodeId()).isEqualTo(2);
                assertThat(a.batchId()).isEqualTo(second.batchId());
            });
        });
        assertThat(f.state.epochTotals(EPOCH).orElseThrow().totalTickets()).isEqualTo(1);
        assertThat(f.state.gatewayUsage(2, EPOCH, EPOCH)).singleElement().satisfies(row -> {
            assertThat(row.usage().tickets()).isZero();
            assertThat(row.usage().value()).isEqualTo(Decimal.ZERO);
            assertThat(row.usage().doubleSpendsRejected()).isEqualTo(1);
        });
    }

    @Test
    void replayBySameGatewayIsNotCountedTwice() {
        LedgerFixture f = LedgerFixture.withGateways();
        TicketBatchRedeemed first = f.redeem(GW1, List.of(ticket(1)));

        TicketBatchRedeemed second = f.redeem(GW1, List.of(ticket(1), ticket(2)));

        assertThat(second.outcomes().getFirst()).isInstanceOfSatisfying(TicketOutcome.Replayed.class, r -> {
            assertThat(r.firstBatchId()).isEqualTo(first.batchId());
            assertThat(r.firstEpoch()).isEqualTo(EPOCH);
        });
        assertThat(second.counts()).isEqualTo(new BatchCounts(2, 1, 1, 0, 0));
        assertThat(f.state.gatewayUsage(1, EPOCH, EPOCH).getFirst().usage().tickets()).isEqualTo(2);
        assertThat(f.state.ticketStatus(serial(1))).isInstanceOfSatisfying(TicketStatus.Redeemed.class,
                r -> assertThat(r.doubleSpendAttempts()).isEmpty());
    }

    /** Documented choice: the first occurrence is judged; later copies are INVALID DUPLICATE_IN_BATCH, never counted. */
    @Test
    void aSerialRepeatedWithinOneBatchCountsOnce() {
        LedgerFixture f = LedgerFixture.withGateways();

        TicketBatchRedeemed event = f.redeem(GW1, List.of(ticket(1), ticket(2), ticket(1), ticket(1)));

        assertThat(event.outcomes()).extracting(TicketOutcome::status)
                .containsExactly(Status.ACCEPTED, Status.ACCEPTED, Status.INVALID, Status.INVALID);
        assertThat(event.outcomes().subList(2, 4)).allSatisfy(o ->
                assertThat(((TicketOutcome.Invalid) o).reason()).isEqualTo(InvalidReason.DUPLICATE_IN_BATCH));
        assertThat(event.counts().accepted()).isEqualTo(2);
    }

    @Test
    void aRepeatIsADuplicateEvenWhenTheFirstOccurrenceWasInvalid() {
        LedgerFixture f = LedgerFixture.withGateways();

        TicketBatchRedeemed event = f.redeem(GW1, List.of(ticket(1, "bogus", TODAY), ticket(1)));

        assertThat(event.outcomes()).extracting(o -> ((TicketOutcome.Invalid) o).reason())
                .containsExactly(InvalidReason.UNKNOWN_TICKET_TYPE, InvalidReason.DUPLICATE_IN_BATCH);
        assertThat(f.state.indexedSerials()).isZero();
    }

    static Stream<Arguments> wholeBatchRejections() {
        List<SubmittedTicket> two = List.of(ticket(1), ticket(2));
        String reversedDigest = BatchDigest.base58Of(List.of(TicketSerial.parse(serial(2)).bytes(), TicketSerial.parse(serial(1)).bytes()));
        return Stream.of(
                reject("unknown gateway", f -> batch(STRANGER, "k", two), Rejection.UnknownGateway.class, "gateway"),
                reject("unbonded gateway", f -> batch(GW3_UNBONDED, "k", two), Rejection.GatewayNotBonded.class, "gateway"),
                reject("empty batch", f -> batch(GW1, "k", List.of()), Rejection.EmptyBatch.class, "tickets"),
                reject("over configured max", f -> with(batch(GW1, "k", tickets(0, 4)), CONFIG.withMaxBatchSize(3)),
                        Rejection.BatchTooLarge.class, "tickets"),
                reject("over default max 1000", f -> batch(GW1, "k", tickets(0, 1001)), Rejection.BatchTooLarge.class, "tickets"),
                reject("stale by 1 ms", f -> submittedAt(batch(GW1, "k", two), NOW.minusSeconds(300).minusMillis(1)),
                        Rejection.StaleSubmission.class, "submitted_at"),
                reject("future by 1 ms", f -> submittedAt(batch(GW1, "k", two), NOW.plusSeconds(300).plusMillis(1)),
                        Rejection.SubmissionFromFuture.class, "submitted_at"),
                reject("digest of another order", f -> digest(batch(GW1, "k", two), reversedDigest),
                        Rejection.DigestMismatch.class, "digest"),
                reject("digest not base58", f -> digest(batch(GW1, "k", two), "0OIl"), Rejection.DigestMismatch.class, "digest"),
                reject("digest over an unhashable serial",
                        f -> digest(batch(GW1, "k", List.of(new SubmittedTicket("0", ENTRY, TODAY))), reversedDigest),
                        Rejection.DigestMismatch.class, "digest"),
                reject("empty idempotency key", f -> batch(GW1, "", two), Rejection.InvalidIdempotencyKey.class, "idempotency_key"),
                reject("key with a space", f -> batch(GW1, "a b", two), Rejection.InvalidIdempotencyKey.class, "idempotency_key"),
                reject("key of 129 chars", f -> batch(GW1, "k".repeat(129), two), Rejection.InvalidIdempotencyKey.class, "idempotency_key"),
                reject("key reused for other tickets", f -> {
                    f.redeem(batch(GW1, "k", List.of(ticket(3))));
                    return batch(GW1, "k", two);
                }, Rejection.IdempotencyKeyConflict.class, "idempotency_key"));
    }

    private static Arguments reject(String name, Function<LedgerFixture, RedeemTicketBatch> command,
                                    Class<? extends Rejection> type, String field) {
        return Arguments.of(name, command, type, field);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("wholeBatchRejections")
    void rejectsWholeBatchesAndRecordsNothing(String name, Function<LedgerFixture, RedeemTicketBatch> command,
                                              Class<? extends Rejection> type, String field) {
        LedgerFixture f = LedgerFixture.withGateways();
        RedeemTicketBatch cmd = command.apply(f);
        CanonicalLedgerState before = f.state.canonicalView();

        Rejection rejection = f.rejection(cmd);

        assertThat(rejection).isInstanceOf(type);
        assertThat(rejection.field()).isEqualTo(field);
        assertThat(rejection.reason()).isNotBlank();
        assertThat(f.state.canonicalView()).isEqualTo(before);
    }

    @Test
    void boundariesOfSizeAndFreshnessAreAccepted() {
        LedgerFixture f = LedgerFixture.withGateways();
        assertThat(f.redeem(batch(GW1, "max", tickets(0, 1000))).counts().accepted()).isEqualTo(1000);
        assertThat(f.redeem(submittedAt(batch(GW1, "old", List.of(ticket(2000))), NOW.minusSeconds(300))).counts().accepted()).isOne();
        assertThat(f.redeem(submittedAt(batch(GW1, "new", List.of(ticket(2001))), NOW.plusSeconds(300))).counts().accepted()).isOne();
    }

    @Test
    void aMatchingDigestIsAccepted() {
        LedgerFixture f = LedgerFixture.withGateways();
        String digest = BatchDigest.base58Of(List.of(TicketSerial.parse(serial(1)).bytes(), TicketSerial.parse(serial(2)).bytes()));

        TicketBatchRedeemed event = f.redeem(digest(batch(GW1, "k", List.of(ticket(1), ticket(2))), digest));

        assertThat(event.counts().accepted()).isEqualTo(2);
        assertThat(event.acceptedDigest()).isEqualTo(digest);
    }

    @Test
    void resubmittingTheSameBatchUnderTheSameKeyReturnsTheOriginalOutcome() {
        LedgerFixture f = LedgerFixture.withGateways();
        TicketBatchRedeemed original = f.redeem(batch(GW1, "retry-me", List.of(ticket(1), ticket(2, "bogus", TODAY))));
        f.apply(new LedgerCommand.RecordGateway(1, GW1, false, NOW));

        // Later, re-signed, after the gateway unbonded: still the original answer, and nothing new to record.
        RedeemTicketBatch retry = new RedeemTicketBatch(GW1, "retry-me", List.of(ticket(1), ticket(2, "bogus", TODAY)),
                Optional.empty(), NOW.plusSeconds(3600), NOW.plusSeconds(3601), EPOCH + 1, CONFIG);
        Decision decision = f.decide(retry);

        // the original is named (its key and instant identify its event in the log), not held by the state
        assertThat(decision).isEqualTo(new Decision.AlreadyProcessed(new IdempotencyRef(GW1, "retry-me"), original.recordedAt()));
    }

    @Test
    void idempotencyKeysAreScopedByGateway() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(batch(GW1, "shared-key", List.of(ticket(1))));

        TicketBatchRedeemed other = f.redeem(batch(GW2, "shared-key", List.of(ticket(1))));

        assertThat(other.outcomes().getFirst().status()).isEqualTo(Status.DOUBLE_SPEND);
    }

    @Test
    void valueFollowsTheDepositInTheCommand() {
        LedgerFixture f = LedgerFixture.withGateways();
        RedeemTicketBatch cmd = with(batch(GW1, "k", tickets(0, 3)), CONFIG.withDeposit(Unym.of(99)));

        TicketBatchRedeemed event = f.redeem(cmd);

        assertThat(event.ticketValue()).isEqualTo(Decimal.parse("1.98"));
        assertThat(event.acceptedValue()).isEqualTo(Decimal.parse("5.94"));
    }

    @Test
    void aConfiguredShorterWindowRejectsOlderDates() {
        LedgerFixture f = LedgerFixture.withGateways();
        RedeemTicketBatch cmd = with(batch(GW1, "k", List.of(ticket(1, ENTRY, TODAY.minusDays(2)), ticket(2, ENTRY, TODAY.minusDays(1)))),
                CONFIG.withSpendWindowDays(1));

        assertThat(f.redeem(cmd).outcomes()).extracting(TicketOutcome::status).containsExactly(Status.INVALID, Status.ACCEPTED);
    }

    private static RedeemTicketBatch with(RedeemTicketBatch c, LedgerConfig config) {
        return new RedeemTicketBatch(c.gateway(), c.idempotencyKey(), c.tickets(), c.claimedDigest(), c.submittedAt(), c.now(),
                c.currentEpoch(), config);
    }

    private static RedeemTicketBatch submittedAt(RedeemTicketBatch c, Instant at) {
        return new RedeemTicketBatch(c.gateway(), c.idempotencyKey(), c.tickets(), c.claimedDigest(), at, c.now(),
                c.currentEpoch(), c.config());
    }

    private static RedeemTicketBatch digest(RedeemTicketBatch c, String digest) {
        return new RedeemTicketBatch(c.gateway(), c.idempotencyKey(), c.tickets(), Optional.of(digest), c.submittedAt(), c.now(),
                c.currentEpoch(), c.config());
    }
}
