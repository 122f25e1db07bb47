package net.nym.tokenomics.ticketledger.domain.ledger;

import java.util.List;

/** The result of {@link TicketLedger#decide}. */
public sealed interface Decision {

    /** Events to append, possibly none (e.g. an expiry run with nothing new to forget). */
    record Events(List<LedgerEvent> events) implements Decision {
        public Events {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {
    }

    /**
     * The same gateway resubmitted the same batch under the same key: answer with the original, record nothing. The
     * original is named, not held (the state keeps no batches): its key and when it was recorded, which is all that
     * identifies its event in the log (or, for a resubmission in the same group, among the group's batches).
     */
    record AlreadyProcessed(IdempotencyRef original, java.time.Instant recordedAt) implements Decision {
    }
}
