package net.nym.tokenomics.ticketledger.application;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.TypeUsage;

import java.util.List;

/**
 * The state digest carried by {@code EpochUsageClosed(e)}: a hash chain over the closes,
 * {@code chain(digest of the previous close, {epoch, per-gateway usage, totals, fee income, indexed serials})}.
 * The chain commits every closed epoch's usage in order and the size of the double-spend index at each close, and
 * costs O(gateways) per epoch rather than a hash over millions of serials. The first close chains from "".
 */
public final class CloseDigests {

    public static final String GENESIS = "";

    record ClosedEpochView(long epoch, List<GatewayEpochUsage> gateways, List<TypeUsage> totals, long totalTickets,
                           long totalBytes, Decimal feeIncome, int indexedSerials) {
    }

    private CloseDigests() {
    }

    public static String next(String previous, LedgerEvent.EpochUsageClosed closed, int indexedSerials) {
        return StateDigest.chain(previous, new ClosedEpochView(closed.epoch(), closed.gateways(), closed.totals(),
                closed.totalTickets(), closed.totalBytes(), closed.feeIncome(), indexedSerials));
    }
}
