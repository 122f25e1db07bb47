package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.CloseEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.EpochUsageClosed;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.EPOCH;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW1;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW2;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.NOW;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.TODAY;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.ticket;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.tickets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EpochClosingTest {

    @Test
    void closingPublishesPerGatewayUsageSortedByNodeIdWithTotalsAndFeeIncome() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW2, List.of(ticket(1), ticket(2, "v1-wireguard-entry", TODAY)));
        f.redeem(GW1, tickets(10, 3));
        f.redeem(GW1, List.of(ticket(20, "v1-mixnet-exit", TODAY)));
        f.redeem(GW2, List.of(ticket(10)));

        EpochUsageClosed closed = (EpochUsageClosed) f.apply(new CloseEpochUsage(EPOCH, NOW.plusSeconds(60))).getFirst();

        assertThat(closed.gateways()).extracting(GatewayEpochUsage::gatewayNodeId).containsExactly(1L, 2L);
        GatewayEpochUsage gw1 = closed.gateways().get(0);
        assertThat(gw1.byType()).containsExactly(
                new TypeUsage(TicketType.V1_MIXNET_ENTRY, 3, 600_000_000L, Decimal.parse("4500000")),
                new TypeUsage(TicketType.V1_MIXNET_EXIT, 1, 100_000_000L, Decimal.parse("1500000")));
        assertThat(gw1.tickets()).isEqualTo(4);
        assertThat(gw1.value()).isEqualTo(Decimal.parse("6000000"));
        GatewayEpochUsage gw2 = closed.gateways().get(1);
        assertThat(gw2.tickets()).isEqualTo(2);
        assertThat(gw2.doubleSpendsRejected()).isEqualTo(1);
        assertThat(closed.totals()).containsExactly(
                new TypeUsage(TicketType.V1_MIXNET_ENTRY, 4, 800_000_000L, Decimal.parse("6000000")),
                new TypeUsage(TicketType.V1_MIXNET_EXIT, 1, 100_000_000L, Decimal.parse("1500000")),
                new TypeUsage(TicketType.V1_WIREGUARD_ENTRY, 1, 500_000_000L, Decimal.parse("1500000")));
        assertThat(closed.totalTickets()).isEqualTo(6);
        assertThat(closed.totalBytes()).isEqualTo(1_400_000_000L);
        assertThat(closed.feeIncome()).isEqualTo(Decimal.parse("9000000")).isEqualTo(gw1.value().plus(gw2.value()));
        assertThat(closed.nextOpenEpoch()).isEqualTo(EPOCH + 1);
        assertThat(f.state.openEpoch()).hasValue(EPOCH + 1);
        // The close carries the epoch's usage on (to the read model); the state keeps open epochs only.
        assertThat(f.state.isClosed(EPOCH)).isTrue();
        assertThat(f.state.epochTotals(EPOCH)).isEmpty();
        assertThat(f.state.canonicalView().usageByEpoch()).isEmpty();
    }

    @Test
    void ticketsAcceptedAfterTheCloseCountInTheNextEpochEvenIfTheClockLags() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, List.of(ticket(1)));
        f.apply(new CloseEpochUsage(EPOCH, NOW));

        // The epoch clock has not caught up: the command still says EPOCH.
        TicketBatchRedeemed late = f.redeem(GW1, List.of(ticket(2), ticket(3)));

        assertThat(late.epoch()).isEqualTo(EPOCH + 1);
        assertThat(f.state.epochTotals(EPOCH)).as("closed").isEmpty();
        assertThat(f.state.gatewayUsage(1, EPOCH, EPOCH + 1)).extracting(GatewayUsageInEpoch::epoch, r -> r.usage().tickets())
                .containsExactly(tuple(EPOCH + 1, 2L));
        assertThat(f.state.epochTotals(EPOCH + 1).orElseThrow()).satisfies(t -> {
            assertThat(t.closed()).isFalse();
            assertThat(t.totalTickets()).isEqualTo(2);
        });
        EpochUsageClosed next = (EpochUsageClosed) f.apply(new CloseEpochUsage(EPOCH + 1, NOW)).getFirst();
        assertThat(next.totalTickets()).isEqualTo(2);
        assertThat(next.gateways()).extracting(GatewayEpochUsage::gatewayNodeId, GatewayEpochUsage::tickets)
                .containsExactly(tuple(1L, 2L));
        assertThat(f.state.gatewayUsage(1, EPOCH, EPOCH + 1)).as("both closed: no running usage left").isEmpty();
    }

    @Test
    void closingTwiceIsRejected() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.apply(new CloseEpochUsage(EPOCH, NOW));

        assertThat(f.rejection(new CloseEpochUsage(EPOCH, NOW))).isEqualTo(new Rejection.EpochAlreadyClosed(EPOCH, EPOCH));
        assertThat(f.rejection(new CloseEpochUsage(EPOCH - 3, NOW))).isEqualTo(new Rejection.EpochAlreadyClosed(EPOCH - 3, EPOCH));
    }

    @Test
    void epochsCloseInOrder() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.apply(new CloseEpochUsage(EPOCH, NOW));

        assertThat(f.rejection(new CloseEpochUsage(EPOCH + 2, NOW))).isEqualTo(new Rejection.EpochCloseOutOfOrder(EPOCH + 2, EPOCH + 1));
    }

    @Test
    void theFirstCloseMayNotSkipRecordedUsage() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, List.of(ticket(1)));

        assertThat(f.rejection(new CloseEpochUsage(EPOCH + 1, NOW))).isEqualTo(new Rejection.EpochCloseOutOfOrder(EPOCH + 1, EPOCH));
        EpochUsageClosed earlier = (EpochUsageClosed) f.apply(new CloseEpochUsage(EPOCH - 1, NOW)).getFirst();
        assertThat(earlier.totalTickets()).isZero();
        assertThat(earlier.feeIncome()).isEqualTo(Decimal.ZERO);
        assertThat(earlier.gateways()).isEmpty();
        assertThat(f.state.epochTotals(EPOCH).orElseThrow().totalTickets()).isOne();
    }

    @Test
    void epochsBeforeTheLogBeganHaveNoTotals() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.apply(new CloseEpochUsage(EPOCH, NOW));

        assertThat(f.state.epochTotals(EPOCH - 1)).isEmpty();
        assertThat(f.state.gatewayUsage(1, 0, 100)).isEmpty();
        assertThat(f.state.gatewayUsage(1, 5, 4)).isEmpty();
    }
}
