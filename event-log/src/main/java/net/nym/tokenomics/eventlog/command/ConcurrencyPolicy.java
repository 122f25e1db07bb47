package net.nym.tokenomics.eventlog.command;

/**
 * How the writers of one stream are kept from deciding on stale state. Within a process the handler always runs one
 * command at a time per stream; across processes:
 * <ul>
 *   <li>{@link Optimistic}: decide on the cached fold and append expecting its version; a writer that lost the race
 *       ({@code WrongExpectedVersionException}) catches up and decides again, up to {@code attempts} times in all.
 *       For streams with few writes (rewards' ledger, selection's clock, performance's streams).</li>
 *   <li>{@link SingleWriter}: take the stream's transaction-scoped advisory lock first, catch up, decide and append
 *       without a version read ({@code EventStore.appendLocked}). No command is ever decided twice, so a conflict is
 *       a fault, not a retry. For the ticket ledger, whose group commit decides many batches in one transaction and
 *       keeps a SQL index in step with the log.</li>
 * </ul>
 */
public sealed interface ConcurrencyPolicy {

    record Optimistic(int attempts) implements ConcurrencyPolicy {
        public Optimistic {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be >= 1");
            }
        }
    }

    record SingleWriter() implements ConcurrencyPolicy {
    }

    static ConcurrencyPolicy optimistic(int attempts) {
        return new Optimistic(attempts);
    }

    static ConcurrencyPolicy singleWriter() {
        return new SingleWriter();
    }
}
