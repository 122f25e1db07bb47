package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.CloseEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.ExpireSerials;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.RedeemTicketBatch;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.EpochUsageClosed;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.CONFIG;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW1;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW2;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.TODAY;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LedgerPropertiesTest {

    private static final String[] TYPES = {"v1-mixnet-entry", "v1-mixnet-exit", "v1-wireguard-entry", "v1-wireguard-exit", "v0-bogus"};

    /** A random but seeded history: batches from both gateways, epoch closes, expiry runs, over 12 days. */
    private static LedgerFixture randomHistory(long seed) {
        Random random = new Random(seed);
        LedgerFixture f = LedgerFixture.withGateways();
        long epoch = 100;
        int key = 0;
        for (int day = 0; day < 12; day++) {
            LocalDate today = TODAY.plusDays(day);
            for (int hour = 0; hour < 24; hour += 3) {
                Instant now = today.atTime(hour, 30).toInstant(ZoneOffset.UTC);
                for (int b = 0; b < 3; b++) {
                    List<SubmittedTicket> tickets = new ArrayList<>();
                    int size = 1 + random.nextInt(25);
                    for (int t = 0; t < size; t++) {
                        String serial = random.nextInt(50) == 0 ? "bad!" : serial(random.nextInt(400));
                        tickets.add(new SubmittedTicket(serial, TYPES[random.nextInt(TYPES.length)],
                                today.minusDays(random.nextInt(10) - 1)));
                    }
                    GatewayIdentity gateway = random.nextBoolean() ? GW1 : GW2;
                    f.redeem(new RedeemTicketBatch(gateway, "k" + key++, tickets, Optional.empty(), now, now, epoch, CONFIG));
                }
                f.apply(new CloseEpochUsage(epoch++, now.plusSeconds(1800)));
            }
            f.apply(new ExpireSerials(today, today.atTime(23, 0).toInstant(ZoneOffset.UTC), CONFIG));
        }
        return f;
    }

    @Test
    void foldingTheLogTwiceGivesTheSameStateAsLiving() {
        for (long seed = 1; seed <= 3; seed++) {
            LedgerFixture live = randomHistory(seed);

            CanonicalLedgerState once = TicketLedger.fold(live.log).canonicalView();
            CanonicalLedgerState twice = TicketLedger.fold(live.log).canonicalView();

            assertThat(once).isEqualTo(twice).isEqualTo(live.state.canonicalView());
            assertThat(once.spent()).isNotEmpty();
            // 96 closes (epochs 100..195), each after its epoch's batches: closed usage is not kept in the state
            assertThat(once.lastClosedEpoch()).hasValue(195);
            assertThat(once.usageByEpoch()).isEmpty();
        }
    }

    @Test
    void theSameHistoryDecidesTheSameEvents() {
        assertThat(randomHistory(7).log).isEqualTo(randomHistory(7).log);
    }

    @Test
    void countsValuesAndFeeIncomeAreConserved() {
        LedgerFixture f = randomHistory(11);
        Decimal perTicket = TicketValue.perTicket(CONFIG.depositPerTicketbook());
        Decimal batchValue = Decimal.ZERO;
        Decimal feeIncome = Decimal.ZERO;
        long acceptedTickets = 0;
        for (LedgerEvent event : f.log) {
            if (event instanceof TicketBatchRedeemed b) {
                BatchCounts c = b.counts();
                assertThat(c.accepted() + c.replayed() + c.doubleSpends() + c.invalid()).isEqualTo(c.submitted());
                assertThat(b.outcomes()).hasSize(c.submitted());
                assertThat(TypeUsage.tickets(b.accepted())).isEqualTo(c.accepted());
                assertThat(b.acceptedValue()).isEqualTo(perTicket.times(Decimal.of(c.accepted())));
                for (TypeUsage u : b.accepted()) {
                    assertThat(u.bytes()).isEqualTo(u.tickets() * u.type().bytesPerTicket());
                }
                batchValue = batchValue.plus(b.acceptedValue());
                acceptedTickets += c.accepted();
            } else if (event instanceof EpochUsageClosed closed) {
                Decimal sum = closed.gateways().stream().map(GatewayEpochUsage::value).reduce(Decimal.ZERO, Decimal::plus);
                assertThat(closed.feeIncome()).isEqualTo(sum).isEqualTo(TypeUsage.value(closed.totals()));
                assertThat(closed.gateways()).isSortedAccordingTo((a, b) -> Long.compare(a.gatewayNodeId(), b.gatewayNodeId()));
                feeIncome = feeIncome.plus(closed.feeIncome());
            }
        }
        assertThat(feeIncome).isEqualTo(batchValue);
        assertThat(acceptedTickets).isPositive();
    }

    /** Evolve is total: any order, any repetition of real events applies without throwing. */
    @Test
    void evolveNeverThrows() {
        List<LedgerEvent> events = new ArrayList<>(randomHistory(5).log);
        Random random = new Random(5);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(events, random);
            List<LedgerEvent> withRepeats = new ArrayList<>(events);
            withRepeats.addAll(events.subList(0, events.size() / 3));
            assertThatCode(() -> TicketLedger.fold(withRepeats)).doesNotThrowAnyException();
        }
    }
}
