package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.CloseEpochUsage;

import java.util.List;

/** Closes epochs strictly one after another, so no usage recorded in an earlier epoch is left open. */
final class EpochClosing {

    private EpochClosing() {
    }

    static Decision decide(CloseEpochUsage cmd, LedgerState state) {
        long epoch = cmd.epoch();
        if (state.lastClosedEpoch != null) {
            if (epoch <= state.lastClosedEpoch) {
                return new Decision.Rejected(new Rejection.EpochAlreadyClosed(epoch, state.lastClosedEpoch));
            }
            if (epoch > state.lastClosedEpoch + 1) {
                return new Decision.Rejected(new Rejection.EpochCloseOutOfOrder(epoch, state.lastClosedEpoch + 1));
            }
        } else if (!state.usageByEpoch.isEmpty() && state.usageByEpoch.firstKey() < epoch) {
            // The first close may be any epoch (the ledger can start mid-interval), but not one past recorded usage.
            return new Decision.Rejected(new Rejection.EpochCloseOutOfOrder(epoch, state.usageByEpoch.firstKey()));
        }
        EpochTotals totals = EpochTotals.of(epoch, true, state.usageOf(epoch));
        return new Decision.Events(List.of(new LedgerEvent.EpochUsageClosed(epoch, cmd.now(), totals.gateways(),
                totals.totals(), totals.totalTickets(), totals.totalBytes(), totals.feeIncome(), epoch + 1)));
    }
}
