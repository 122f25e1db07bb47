package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.CloseEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.CloseEpochsThrough;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.EpochUsageClosed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.EPOCH;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW1;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.NOW;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.tickets;
import static org.assertj.core.api.Assertions.assertThat;

class CloseEpochsThroughTest {

    @Test
    void closesJustTheEndedEpochWhenItIsTheNextOne() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, tickets(1, 3));
        List<LedgerEvent> events = f.apply(new CloseEpochsThrough(EPOCH, NOW));
        assertThat(events).singleElement().isInstanceOfSatisfying(EpochUsageClosed.class, c -> {
            assertThat(c.epoch()).isEqualTo(EPOCH);
            assertThat(c.totalTickets()).isEqualTo(3);
        });
        assertThat(f.state.lastClosedEpoch()).hasValue(EPOCH);
    }

    @Test
    void closesMissedEpochsInOrderAndCarriesUsageInTheRightOne() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.apply(new CloseEpochUsage(EPOCH - 1, NOW));
        f.redeem(GW1, tickets(1, 2));
        List<LedgerEvent> events = f.apply(new CloseEpochsThrough(EPOCH + 2, NOW));
        assertThat(events).extracting(e -> ((EpochUsageClosed) e).epoch()).containsExactly(EPOCH, EPOCH + 1, EPOCH + 2);
        assertThat(events).extracting(e -> ((EpochUsageClosed) e).totalTickets()).containsExactly(2L, 0L, 0L);
        assertThat(f.state.openEpoch()).hasValue(EPOCH + 3);
    }

    @Test
    void theFirstCloseStartsAtTheEarliestEpochWithUsage() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.redeem(GW1, tickets(1, 1));
        List<LedgerEvent> events = f.apply(new CloseEpochsThrough(EPOCH + 1, NOW));
        assertThat(events).extracting(e -> ((EpochUsageClosed) e).epoch()).containsExactly(EPOCH, EPOCH + 1);
    }

    @Test
    void anAlreadyClosedEpochIsRejected() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.apply(new CloseEpochsThrough(EPOCH, NOW));
        assertThat(f.rejection(new CloseEpochsThrough(EPOCH, NOW))).isEqualTo(new Rejection.EpochAlreadyClosed(EPOCH, EPOCH));
    }
}
