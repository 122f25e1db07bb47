package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.ExpireSerials;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cleaner: forget serials whose spend date is before today - {@link LedgerConfig#retentionDays()}.
 *
 * <p>Deliberate difference from nym-api, which forgets after validity + 1 = 8 days: that is safe there only because
 * nym-api accepts today's and yesterday's spend dates. A serial can come back with a later spend date anywhere in its
 * ticketbook's validity, so with a 7-day window an 8-day retention would let a serial spent at today - 7 be forgotten
 * on day 2 and re-accepted with spend date today. Retention is therefore window + book validity. Redemption also
 * refuses spend dates before cutoff + book validity once a cutoff is applied, so an expiry clock running ahead of the
 * redemption clock makes tickets invalid rather than opening a hole.
 */
final class SerialExpiry {

    private SerialExpiry() {
    }

    static Decision decide(ExpireSerials cmd, LedgerState state) {
        LocalDate cutoff = cmd.today().minusDays(cmd.config().retentionDays());
        if (state.expiredBefore != null && !cutoff.isAfter(state.expiredBefore)) {
            return new Decision.Events(List.of());
        }
        List<TicketSerial> serials = new ArrayList<>();
        state.serialsBySpendDate.headMap(cutoff).values().forEach(serials::addAll);
        Collections.sort(serials);
        List<IdempotencyRef> keys = new ArrayList<>();
        state.idempotencyByDate.headMap(cutoff).values().forEach(keys::addAll);
        Collections.sort(keys);
        LocalDate floor = cutoff.plusDays(cmd.config().ticketbookValidityDays());
        return new Decision.Events(List.of(new LedgerEvent.SerialsExpired(cmd.today(), cutoff, floor, cmd.now(), serials,
                serials.size(), keys)));
    }
}
