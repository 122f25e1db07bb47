package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.CloseEpochUsage;

import java.util.ArrayList;
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

    /**
     * Closes [first open epoch, epoch] in one decision. Closing changes no usage, so each epoch's totals are read from
     * the same state; the first open epoch is lastClosed + 1, or before any close the earliest epoch with usage (if
     * earlier than {@code epoch}).
     */
    static Decision decideThrough(LedgerCommand.CloseEpochsThrough cmd, LedgerState state) {
        long epoch = cmd.epoch();
        long first;
        if (state.lastClosedEpoch != null) {
            if (epoch <= state.lastClosedEpoch) {
                return new Decision.Rejected(new Rejection.EpochAlreadyClosed(epoch, state.lastClosedEpoch));
            }
            first = state.lastClosedEpoch + 1;
        } else {
            first = state.usageByEpoch.isEmpty() ? epoch : Math.min(epoch, state.usageByEpoch.firstKey());
        }
        List<LedgerEvent> events = new ArrayList<>();
        for (long e = first; e <= epoch; e++) {
            EpochTotals totals = EpochTotals.of(e, true, state.usageOf(e));
            events.add(new LedgerEvent.EpochUsageClosed(e, cmd.now(), totals.gateways(), totals.totals(),
                    totals.totalTickets(), totals.totalBytes(), totals.feeIncome(), e + 1));
        }
        return new Decision.Events(events);
    }
}
