package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;

/**
 * What redeemed tickets are worth, from the ecash contract's {@code deposit_amount} per ticketbook.
 *
 * <p>Two roundings exist and they differ when the deposit is not a multiple of 50: the per-ticket value is the exact
 * Decimal {@code from_ratio(deposit, 50)} (what usage and fee income add up), while the contract's historical payout
 * for n tickets floors once over the whole batch, {@code floor(deposit * n / 50)} uNYM (TV-9).
 */
public final class TicketValue {

    private static final BigInteger TICKETS_PER_BOOK = BigInteger.valueOf(TicketType.TICKETS_PER_BOOK);

    private TicketValue() {
    }

    public static Decimal perTicket(Unym depositPerTicketbook) {
        return Decimal.fromRatio(depositPerTicketbook.amount(), TICKETS_PER_BOOK);
    }

    /** n tickets at the per-ticket value; multiplying by a whole number is exact. */
    public static Decimal of(Unym depositPerTicketbook, long tickets) {
        return perTicket(depositPerTicketbook).times(Decimal.of(tickets));
    }

    /** Pre-#6608 {@code RedeemTickets{n}} transfer: {@code floor(deposit * n / TICKETBOOK_SIZE)} uNYM. */
    public static Unym historicalPayout(Unym depositPerTicketbook, long tickets) {
        return new Unym(depositPerTicketbook.amount().multiply(BigInteger.valueOf(tickets)).divide(TICKETS_PER_BOOK));
    }
}
