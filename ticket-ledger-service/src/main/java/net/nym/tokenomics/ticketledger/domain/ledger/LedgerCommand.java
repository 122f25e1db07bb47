package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.ParsedTickets;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the ticket ledger is asked to do. Time, the epoch clock and configuration come in with each command. */
public sealed interface LedgerCommand {

    /**
     * A gateway's signed batch of redeemed tickets. The signature is verified before this command is built (see
     * {@code signing}); the ledger trusts that {@code gateway} sent it.
     *
     * @param claimedDigest Nym's Base58 SHA-256 commitment over the serials, when the request carries one
     * @param currentEpoch  the epoch the epoch clock says is running; the ledger never counts a ticket in an epoch it
     *                      already closed, so a lagging clock cannot reopen one
     * @param parsed        {@code ParsedTickets.of(tickets)}, computed where it is cheap (off the writer's path)
     */
    record RedeemTicketBatch(GatewayIdentity gateway, String idempotencyKey, List<SubmittedTicket> tickets,
                             Optional<String> claimedDigest, Instant submittedAt, Instant now, long currentEpoch,
                             LedgerConfig config, ParsedTickets parsed) implements LedgerCommand {

        public RedeemTicketBatch(GatewayIdentity gateway, String idempotencyKey, List<SubmittedTicket> tickets,
                                 Optional<String> claimedDigest, Instant submittedAt, Instant now, long currentEpoch,
                                 LedgerConfig config) {
            this(gateway, idempotencyKey, tickets, claimedDigest, submittedAt, now, currentEpoch, config,
                    ParsedTickets.of(tickets));
        }

        public RedeemTicketBatch {
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            tickets = List.copyOf(tickets);
            Objects.requireNonNull(claimedDigest, "claimedDigest");
            Objects.requireNonNull(submittedAt, "submittedAt");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(parsed, "parsed");
            if (parsed.size() != tickets.size()) {
                throw new IllegalArgumentException("parsed tickets (" + parsed.size() + ") are not these tickets ("
                        + tickets.size() + ")");
            }
        }
    }

    /** On {@code EpochEnded(epoch)}: publish the epoch's usage and fee income, then count new tickets in epoch + 1. */
    record CloseEpochUsage(long epoch, Instant now) implements LedgerCommand {
        public CloseEpochUsage {
            Objects.requireNonNull(now, "now");
        }
    }

    /**
     * On {@code EpochEnded(epoch)} as a consumer sees it: close every epoch still open up to and including
     * {@code epoch}, in order (normally just {@code epoch}; more when an input was missed or usage was recorded in an
     * earlier epoch before the first close). Rejected as already closed when nothing is left to close.
     */
    record CloseEpochsThrough(long epoch, Instant now) implements LedgerCommand {
        public CloseEpochsThrough {
            Objects.requireNonNull(now, "now");
        }
    }

    /** The scheduled cleaner: forget serials whose spend date is before today - {@link LedgerConfig#retentionDays()}. */
    record ExpireSerials(LocalDate today, Instant now, LedgerConfig config) implements LedgerCommand {
        public ExpireSerials {
            Objects.requireNonNull(today, "today");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(config, "config");
        }
    }

    /** A node-registry fact from rewards-service: which identity key a gateway node has and whether it is bonded. */
    record RecordGateway(long nodeId, GatewayIdentity identity, boolean bonded, Instant now) implements LedgerCommand {
        public RecordGateway {
            NodeIds.requireU32(nodeId);
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(now, "now");
        }
    }
}
