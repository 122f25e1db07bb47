package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.ExpireSerials;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.RedeemTicketBatch;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.SerialsExpired;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome.Status;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.CONFIG;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.EPOCH;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW1;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW2;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.NOW;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.TODAY;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.serial;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.ticket;
import static org.assertj.core.api.Assertions.assertThat;

class SerialExpiryTest {

    private static final String ENTRY = "v1-mixnet-entry";

    private static Instant noonOf(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static RedeemTicketBatch batchOn(LocalDate day, GatewayIdentity gateway, String key, List<SubmittedTicket> tickets) {
        return new RedeemTicketBatch(gateway, key, tickets, Optional.empty(), noonOf(day), noonOf(day), EPOCH, CONFIG);
    }

    @Test
    void retentionIsTheSpendWindowPlusTheTicketbookValidity() {
        assertThat(CONFIG.retentionDays()).isEqualTo(14);
        // With nym-api's own window (today and yesterday) the rule gives nym-api's 8 days.
        assertThat(CONFIG.withSpendWindowDays(1).retentionDays()).isEqualTo(8);
    }

    @Test
    void dropsSerialsSpentBeforeTheCutoffAndListsThemSorted() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, List.of(ticket(1, ENTRY, TODAY.minusDays(7)), ticket(2, ENTRY, TODAY.minusDays(7)),
                ticket(3, ENTRY, TODAY.minusDays(6)), ticket(4, ENTRY, TODAY)));
        f.redeem(GW2, List.of(ticket(1, ENTRY, TODAY.minusDays(7))));

        SerialsExpired expired = (SerialsExpired) f.apply(new ExpireSerials(TODAY.plusDays(7), NOW, CONFIG)).getFirst();
        assertThat(expired.cutoff()).isEqualTo(TODAY.minusDays(7));
        assertThat(expired.count()).isZero();

        expired = (SerialsExpired) f.apply(new ExpireSerials(TODAY.plusDays(8), NOW, CONFIG)).getFirst();

        assertThat(expired.cutoff()).isEqualTo(TODAY.minusDays(6));
        assertThat(expired.spendDateFloor()).isEqualTo(TODAY.plusDays(1));
        assertThat(expired.serialsRemoved()).containsExactlyElementsOf(
                List.of(TicketSerial.parse(serial(1)), TicketSerial.parse(serial(2))).stream().sorted().toList());
        assertThat(expired.count()).isEqualTo(2);
        assertThat(f.state.indexedSerials()).isEqualTo(2);
        assertThat(f.state.ticketStatus(serial(1))).isInstanceOfSatisfying(TicketStatus.NotRedeemed.class,
                s -> assertThat(s.expiredBefore()).contains(TODAY.minusDays(6)));
        assertThat(f.state.ticketStatus(serial(3))).isInstanceOf(TicketStatus.Redeemed.class);
        assertThat(f.state.canonicalView().doubleSpendAttempts()).isEmpty();
    }

    @Test
    void aRunThatDoesNotAdvanceTheCutoffRecordsNothing() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.apply(new ExpireSerials(TODAY, NOW, CONFIG));

        assertThat(f.decide(new ExpireSerials(TODAY, NOW.plusSeconds(7200), CONFIG))).isEqualTo(new Decision.Events(List.of()));
        assertThat(f.decide(new ExpireSerials(TODAY.minusDays(1), NOW, CONFIG))).isEqualTo(new Decision.Events(List.of()));
    }

    /**
     * The counterexample to nym-api's 8-day retention under a 7-day window: a serial spent at today - 7 comes back
     * two days later with a spend date its book still covers. It must still be known, and be a double spend.
     */
    @Test
    void aSerialReturningWithALaterSpendDateIsStillCaught() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, List.of(ticket(1, ENTRY, TODAY.minusDays(7))));
        LocalDate later = TODAY.plusDays(2);
        f.apply(new ExpireSerials(later, noonOf(later), CONFIG));

        TicketBatchRedeemed again = f.redeem(batchOn(later, GW2, "again", List.of(ticket(1, ENTRY, TODAY))));

        assertThat(again.outcomes().getFirst().status()).isEqualTo(Status.DOUBLE_SPEND);
    }

    /** Once forgotten, every date the serial's book could cover is outside the window, from any gateway. */
    @ParameterizedTest(name = "resubmitted with spend date today + {0}")
    @ValueSource(ints = {0, 1, 7})
    void anExpiredSerialResubmittedIsInvalidNeverAccepted(int daysAfterFirstSpend) {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, List.of(ticket(1, ENTRY, TODAY)));
        LocalDate later = TODAY.plusDays(15);
        SerialsExpired expired = (SerialsExpired) f.apply(new ExpireSerials(later, noonOf(later), CONFIG)).getFirst();
        assertThat(expired.serialsRemoved()).containsExactly(TicketSerial.parse(serial(1)));

        for (GatewayIdentity gateway : List.of(GW1, GW2)) {
            TicketBatchRedeemed again = f.redeem(batchOn(later, gateway, "again-" + gateway,
                    List.of(ticket(1, ENTRY, TODAY.plusDays(daysAfterFirstSpend)))));
            assertThat(again.outcomes().getFirst()).isInstanceOfSatisfying(TicketOutcome.Invalid.class,
                    i -> assertThat(i.reason()).isEqualTo(InvalidReason.SPEND_DATE_OUTSIDE_WINDOW));
        }
    }

    /** An expiry job whose clock runs ahead must not open a hole: it raises the spend-date floor instead. */
    @Test
    void anExpiryClockAheadOfRedemptionCannotLetADoubleSpendThrough() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, List.of(ticket(1, ENTRY, TODAY.minusDays(7))));
        f.apply(new ExpireSerials(TODAY.plusDays(8), NOW, CONFIG));
        assertThat(f.state.ticketStatus(serial(1))).isInstanceOf(TicketStatus.NotRedeemed.class);
        assertThat(f.state.spendDateFloor()).contains(TODAY.plusDays(1));

        TicketBatchRedeemed attempt = f.redeem(GW2, List.of(ticket(1, ENTRY, TODAY.minusDays(7)), ticket(1, ENTRY, TODAY)));

        assertThat(attempt.outcomes().getFirst()).isInstanceOfSatisfying(TicketOutcome.Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(InvalidReason.SPEND_DATE_OUTSIDE_WINDOW));
        assertThat(attempt.counts().accepted()).isZero();
    }

    /**
     * Property: 60 simulated days of random batches from three gateways, where each serial belongs to a ticketbook
     * and is presented with random spend dates that book covers (so the same serial returns on later days with later
     * dates), with an expiry run every day whose clock is sometimes up to 3 days ahead: no serial is ever accepted
     * twice, although serials are really forgotten and really presented again afterwards.
     */
    @Test
    void noSerialIsEverAcceptedTwiceWhateverTheExpirySchedule() {
        int bookValidity = CONFIG.ticketbookValidityDays();
        Random random = new Random(2026);
        for (int run = 0; run < 4; run++) {
            LedgerFixture f = LedgerFixture.withGateways();
            f.apply(new LedgerCommand.RecordGateway(4, LedgerFixture.identity(4), true, NOW));
            List<GatewayIdentity> gateways = List.of(GW1, GW2, LedgerFixture.identity(4));
            Map<TicketSerial, Integer> acceptances = new HashMap<>();
            Set<TicketSerial> forgotten = new HashSet<>();
            int presentedAfterForgotten = 0;
            for (int day = 0; day < 60; day++) {
                LocalDate today = TODAY.plusDays(day);
                for (int b = 0; b < 6; b++) {
                    List<SubmittedTicket> tickets = new ArrayList<>();
                    for (int t = 0; t < 25; t++) {
                        // Book n expires on TODAY + n/40; pick books that expired at most 20 days ago or expire soon.
                        int n = Math.max(0, (day - 20 + random.nextInt(30)) * 40 + random.nextInt(40));
                        LocalDate expiration = TODAY.plusDays(n / 40);
                        tickets.add(ticket(n, ENTRY, expiration.minusDays(random.nextInt(bookValidity + 1))));
                    }
                    GatewayIdentity gateway = gateways.get(random.nextInt(gateways.size()));
                    TicketBatchRedeemed event = f.redeem(batchOn(today, gateway, "r" + run + "d" + day + "b" + b, tickets));
                    for (TicketOutcome o : event.outcomes()) {
                        if (o instanceof TicketOutcome.Accepted a) {
                            acceptances.merge(a.serial(), 1, Integer::sum);
                        }
                    }
                    for (SubmittedTicket ticket : tickets) {
                        presentedAfterForgotten += forgotten.contains(TicketSerial.parse(ticket.serial())) ? 1 : 0;
                    }
                }
                LocalDate expiryToday = today.plusDays(random.nextInt(4));
                for (LedgerEvent e : f.apply(new ExpireSerials(expiryToday, noonOf(today).plusSeconds(3600), CONFIG))) {
                    forgotten.addAll(((SerialsExpired) e).serialsRemoved());
                }
            }
            assertThat(acceptances.values()).as("run %d", run).allMatch(count -> count == 1);
            assertThat(forgotten).as("serials must really be forgotten").hasSizeGreaterThan(100);
            assertThat(presentedAfterForgotten).as("forgotten serials must really come back").isGreaterThan(100);
        }
    }

    @Test
    void idempotencyRecordsExpireWithTheSerials() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(LedgerFixture.batch(GW1, "old-key", List.of(ticket(1))));

        SerialsExpired expired = (SerialsExpired) f.apply(new ExpireSerials(TODAY.plusDays(15), NOW, CONFIG)).getFirst();

        assertThat(expired.idempotencyKeysRemoved()).containsExactly(new IdempotencyRef(GW1, "old-key"));
        assertThat(f.state.canonicalView().idempotencyKeys()).isEmpty();
    }

    @Test
    void replayingTheLogGivesTheSameIndex() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, List.of(ticket(1, ENTRY, TODAY.minusDays(7)), ticket(2, ENTRY, TODAY)));
        f.redeem(GW2, List.of(ticket(1, ENTRY, TODAY.minusDays(7)), ticket(3, ENTRY, TODAY.minusDays(1))));
        f.apply(new ExpireSerials(TODAY.plusDays(8), NOW, CONFIG));

        LedgerState replayed = TicketLedger.fold(f.log);

        assertThat(replayed.canonicalView()).isEqualTo(f.state.canonicalView());
        assertThat(replayed.indexedSerials()).isEqualTo(2);
        assertThat(replayed.ticketStatus(serial(1))).isInstanceOf(TicketStatus.NotRedeemed.class);
    }
}
