package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.RedeemTicketBatch;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchDigest;
import net.nym.tokenomics.ticketledger.domain.ticket.ParsedTickets;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges one ticket batch in O(batch): each ticket costs a few hash lookups (its serial was parsed beforehand, in
 * {@link ParsedTickets}).
 *
 * <p>Whole-batch checks come first, in this order: idempotency (so a retry gets its original answer even after the
 * gateway unbonded or the signature aged), gateway, size, freshness, claimed digest. Then each ticket, in order:
 * serial form, repeat within the batch (the first occurrence is the one judged; later ones are INVALID
 * DUPLICATE_IN_BATCH and never counted), type, spend-date window, and finally the double-spend index.
 */
final class BatchRedemption {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;

    private BatchRedemption() {
    }

    static Decision decide(RedeemTicketBatch cmd, LedgerState state) {
        return decide(cmd, state, new InFlight());
    }

    /** As {@link #decide(RedeemTicketBatch, LedgerState)}, seeing the batches of {@code inFlight} as if evolved. */
    static Decision decide(RedeemTicketBatch cmd, LedgerState state, InFlight inFlight) {
        LedgerConfig config = cmd.config();
        Optional<Rejection> badKey = checkKey(cmd.idempotencyKey());
        if (badKey.isPresent()) {
            return new Decision.Rejected(badKey.get());
        }
        String fingerprint = cmd.parsed().fingerprint();
        IdempotencyRef ref = new IdempotencyRef(cmd.gateway(), cmd.idempotencyKey());
        LedgerState.IdempotencyRecord previous = inFlight.idempotency(state, ref);
        if (previous != null) {
            return previous.bodyFingerprint().equals(fingerprint)
                    ? new Decision.AlreadyProcessed(ref, previous.recordedAt())
                    : new Decision.Rejected(new Rejection.IdempotencyKeyConflict(cmd.idempotencyKey(),
                            previous.bodyFingerprint(), fingerprint));
        }
        Optional<GatewayRegistration> gateway = state.gatewayByIdentity(cmd.gateway());
        if (gateway.isEmpty()) {
            return new Decision.Rejected(new Rejection.UnknownGateway(cmd.gateway()));
        }
        if (!gateway.get().bonded()) {
            return new Decision.Rejected(new Rejection.GatewayNotBonded(cmd.gateway(), gateway.get().nodeId()));
        }
        int size = cmd.tickets().size();
        if (size == 0) {
            return new Decision.Rejected(new Rejection.EmptyBatch());
        }
        if (size > config.maxBatchSize()) {
            return new Decision.Rejected(new Rejection.BatchTooLarge(size, config.maxBatchSize()));
        }
        if (cmd.submittedAt().isBefore(cmd.now().minus(config.maxSubmissionAge()))) {
            return new Decision.Rejected(new Rejection.StaleSubmission(cmd.submittedAt(), cmd.now(), config.maxSubmissionAge()));
        }
        if (cmd.submittedAt().isAfter(cmd.now().plus(config.maxClockSkew()))) {
            return new Decision.Rejected(new Rejection.SubmissionFromFuture(cmd.submittedAt(), cmd.now(), config.maxClockSkew()));
        }
        if (cmd.claimedDigest().isPresent()) {
            Optional<Rejection> mismatch = checkDigest(cmd.claimedDigest().get(), cmd.parsed());
            if (mismatch.isPresent()) {
                return new Decision.Rejected(mismatch.get());
            }
        }
        return new Decision.Events(List.of(judge(cmd, state, inFlight, gateway.get().nodeId(), fingerprint)));
    }

    private static TicketBatchRedeemed judge(RedeemTicketBatch cmd, LedgerState state, InFlight inFlight, long nodeId,
                                             String fingerprint) {
        long epoch = state.lastClosedEpoch == null ? cmd.currentEpoch() : Math.max(cmd.currentEpoch(), state.lastClosedEpoch + 1);
        LocalDate today = LocalDate.ofInstant(cmd.now(), ZoneOffset.UTC);
        LocalDate earliest = today.minusDays(cmd.config().spendWindowDays());
        if (state.spendDateFloor != null && state.spendDateFloor.isAfter(earliest)) {
            earliest = state.spendDateFloor;
        }
        List<TicketOutcome> outcomes = new ArrayList<>(cmd.tickets().size());
        List<byte[]> acceptedBytes = new ArrayList<>();
        long[] acceptedByType = new long[TicketType.values().length];
        Set<TicketSerial> seen = new HashSet<>();
        int replayed = 0;
        int doubleSpends = 0;
        int invalid = 0;
        for (int i = 0; i < cmd.tickets().size(); i++) {
            SubmittedTicket ticket = cmd.tickets().get(i);
            TicketOutcome outcome = judgeOne(i, ticket, state, inFlight, seen, today, earliest, nodeId, cmd);
            switch (outcome) {
                case TicketOutcome.Accepted a -> {
                    acceptedByType[a.type().ordinal()]++;
                    acceptedBytes.add(cmd.parsed().serialBytes(i));
                }
                case TicketOutcome.Replayed r -> replayed++;
                case TicketOutcome.DoubleSpend d -> doubleSpends++;
                case TicketOutcome.Invalid v -> invalid++;
            }
            outcomes.add(outcome);
        }
        Decimal ticketValue = TicketValue.perTicket(cmd.config().depositPerTicketbook());
        List<TypeUsage> accepted = new ArrayList<>();
        for (TicketType type : TicketType.values()) {
            long n = acceptedByType[type.ordinal()];
            if (n > 0) {
                accepted.add(new TypeUsage(type, n, n * type.bytesPerTicket(), ticketValue.times(Decimal.of(n))));
            }
        }
        BatchCounts counts = new BatchCounts(cmd.tickets().size(), acceptedBytes.size(), replayed, doubleSpends, invalid);
        return new TicketBatchRedeemed(cmd.idempotencyKey(), cmd.gateway(), nodeId, epoch, cmd.submittedAt(), cmd.now(),
                fingerprint, cmd.config().depositPerTicketbook(), ticketValue, outcomes, counts, accepted,
                TypeUsage.value(accepted), BatchDigest.base58Of(acceptedBytes));
    }

    private static TicketOutcome judgeOne(int position, SubmittedTicket ticket, LedgerState state, InFlight inFlight,
                                          Set<TicketSerial> seen, LocalDate today, LocalDate earliest, long nodeId,
                                          RedeemTicketBatch cmd) {
        TicketSerial serial = cmd.parsed().serial(position);
        if (serial == null) {
            return invalid(position, ticket, InvalidReason.MALFORMED_SERIAL, cmd.parsed().malformedReason(position));
        }
        if (!seen.add(serial)) {
            return invalid(position, ticket, InvalidReason.DUPLICATE_IN_BATCH, "serial already appears earlier in this batch");
        }
        Optional<TicketType> type = TicketType.fromJsonName(ticket.type());
        if (type.isEmpty()) {
            return invalid(position, ticket, InvalidReason.UNKNOWN_TICKET_TYPE, "unknown ticket type '" + ticket.type() + "'");
        }
        LocalDate spendDate = ticket.spendDate();
        if (spendDate.isAfter(today) || spendDate.isBefore(earliest)) {
            return invalid(position, ticket, InvalidReason.SPEND_DATE_OUTSIDE_WINDOW,
                    "spend date " + spendDate + " is outside [" + earliest + ", " + today + "]");
        }
        SpentTicket first = inFlight.spent(state, serial);
        if (first == null) {
            return new TicketOutcome.Accepted(position, serial, type.get(), spendDate);
        }
        if (first.gatewayNodeId() == nodeId) {
            return new TicketOutcome.Replayed(position, serial, type.get(), spendDate, first.epoch(), first.firstSeenAt(),
                    first.batchId());
        }
        return new TicketOutcome.DoubleSpend(position, serial, type.get(), spendDate, first.gatewayNodeId(),
                first.gateway(), first.epoch(), first.firstSeenAt(), nodeId, cmd.gateway());
    }

    private static TicketOutcome.Invalid invalid(int position, SubmittedTicket ticket, InvalidReason reason, String detail) {
        return new TicketOutcome.Invalid(position, ticket.serial(), ticket.type(), ticket.spendDate(), reason, detail);
    }

    private static Optional<Rejection> checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            return Optional.of(new Rejection.InvalidIdempotencyKey(key,
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters, got " + key.length()));
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return Optional.of(new Rejection.InvalidIdempotencyKey(key,
                        "character at position " + i + " is not printable ASCII"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkDigest(String claimed, ParsedTickets tickets) {
        List<byte[]> serials = new ArrayList<>(tickets.size());
        for (int i = 0; i < tickets.size(); i++) {
            byte[] bytes = tickets.serialBytes(i);
            if (bytes == null) {
                return Optional.of(new Rejection.DigestMismatch(claimed, "",
                        "serial at position " + i + " has no bytes to hash: " + tickets.notBase58Reason(i)));
            }
            serials.add(bytes);
        }
        byte[] computed = BatchDigest.of(serials);
        byte[] claimedBytes;
        try {
            claimedBytes = Base58.decode(claimed, BatchDigest.DIGEST_BYTES);
        } catch (IllegalArgumentException e) {
            return Optional.of(new Rejection.DigestMismatch(claimed, Base58.encode(computed), e.getMessage()));
        }
        if (!Arrays.equals(claimedBytes, computed)) {
            return Optional.of(new Rejection.DigestMismatch(claimed, Base58.encode(computed),
                    "SHA-256 over the serial bytes in order is " + Base58.encode(computed)));
        }
        return Optional.empty();
    }
}
