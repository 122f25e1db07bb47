package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ledger's state: the double-spend index, per (epoch, gateway) usage of the open epochs, the last closed epoch,
 * idempotency records, the expiry cutoff and the gateway registry view. Closed epochs' usage is not kept: it is final,
 * carried by its {@link LedgerEvent.EpochUsageClosed} and served from the usage read model (ADR 0012).
 *
 * <p><b>Single-writer accumulator.</b> Copying an index of millions of serials for every batch is not affordable, so
 * {@link TicketLedger#evolve} applies an event to this object in place and returns it. Only evolve mutates it (the
 * mutators are package-private); decide and the read views only read. Hash maps are used for O(1) lookups and are
 * never iterated where order matters: ordered outputs come from tree maps or are sorted.
 */
public final class LedgerState {

    /** The value of an idempotency record: what resubmission compares and what it answers. */
    /**
     * What a batch's key needs to be answered again: the fingerprint of its body (a different body under the key is a
     * conflict) and when it was recorded (its day for expiry; the instant names its event in the log, where a
     * resubmission's answer is read), and the epoch it counted in (part of the state digest). Fixed-size: never the
     * batch itself (issue 14, finding 3).
     */
    public record IdempotencyRecord(String bodyFingerprint, LocalDate recordedOn, java.time.Instant recordedAt, long epoch) {
    }

    final Map<TicketSerial, SpentTicket> spent = new HashMap<>();
    final Map<TicketSerial, List<DoubleSpendAttempt>> doubleSpendAttempts = new HashMap<>();
    final TreeMap<LocalDate, List<TicketSerial>> serialsBySpendDate = new TreeMap<>();
    final TreeMap<Long, TreeMap<Long, GatewayEpochUsage>> usageByEpoch = new TreeMap<>();
    final Map<IdempotencyRef, IdempotencyRecord> idempotency = new HashMap<>();
    final TreeMap<LocalDate, List<IdempotencyRef>> idempotencyByDate = new TreeMap<>();
    final TreeMap<Long, GatewayRegistration> gateways = new TreeMap<>();
    final Map<GatewayIdentity, Long> nodeByIdentity = new HashMap<>();
    Long lastClosedEpoch;
    LocalDate expiredBefore;
    LocalDate spendDateFloor;

    /**
     * Every part of a state, each map sorted and each list in the order the state holds it (the order events added
     * its entries), so that equal states give equal parts and {@link #of} gives back an equal state. For storing a
     * state beside the log (a snapshot); {@link #canonicalView} is the smaller view its digest is taken over.
     */
    public record Parts(SortedMap<TicketSerial, SpentTicket> spent,
                        SortedMap<TicketSerial, List<DoubleSpendAttempt>> doubleSpendAttempts,
                        SortedMap<LocalDate, List<TicketSerial>> serialsBySpendDate,
                        SortedMap<Long, SortedMap<Long, GatewayEpochUsage>> usageByEpoch,
                        SortedMap<IdempotencyRef, IdempotencyRecord> idempotency,
                        SortedMap<LocalDate, List<IdempotencyRef>> idempotencyByDate,
                        SortedMap<Long, GatewayRegistration> gateways,
                        SortedMap<GatewayIdentity, Long> nodeByIdentity,
                        OptionalLong lastClosedEpoch,
                        Optional<LocalDate> expiredBefore,
                        Optional<LocalDate> spendDateFloor) {
    }

    public static LedgerState empty() {
        return new LedgerState();
    }

    /** A new state holding exactly {@code parts} (nothing of them is shared with it). */
    public static LedgerState of(Parts parts) {
        LedgerState s = new LedgerState();
        s.spent.putAll(parts.spent());
        parts.doubleSpendAttempts().forEach((serial, list) -> s.doubleSpendAttempts.put(serial, new ArrayList<>(list)));
        parts.serialsBySpendDate().forEach((date, list) -> s.serialsBySpendDate.put(date, new ArrayList<>(list)));
        parts.usageByEpoch().forEach((epoch, byGateway) -> s.usageByEpoch.put(epoch, new TreeMap<>(byGateway)));
        s.idempotency.putAll(parts.idempotency());
        parts.idempotencyByDate().forEach((date, list) -> s.idempotencyByDate.put(date, new ArrayList<>(list)));
        s.gateways.putAll(parts.gateways());
        s.nodeByIdentity.putAll(parts.nodeByIdentity());
        s.lastClosedEpoch = parts.lastClosedEpoch().isPresent() ? parts.lastClosedEpoch().getAsLong() : null;
        s.expiredBefore = parts.expiredBefore().orElse(null);
        s.spendDateFloor = parts.spendDateFloor().orElse(null);
        return s;
    }

    /** A copy of every part of this state (see {@link Parts}). */
    public Parts parts() {
        TreeMap<TicketSerial, List<DoubleSpendAttempt>> attempts = new TreeMap<>();
        doubleSpendAttempts.forEach((serial, list) -> attempts.put(serial, List.copyOf(list)));
        TreeMap<LocalDate, List<TicketSerial>> bySpendDate = new TreeMap<>();
        serialsBySpendDate.forEach((date, list) -> bySpendDate.put(date, List.copyOf(list)));
        TreeMap<Long, SortedMap<Long, GatewayEpochUsage>> usage = new TreeMap<>();
        usageByEpoch.forEach((epoch, byGateway) -> usage.put(epoch, new TreeMap<>(byGateway)));
        TreeMap<LocalDate, List<IdempotencyRef>> keysByDate = new TreeMap<>();
        idempotencyByDate.forEach((date, list) -> keysByDate.put(date, List.copyOf(list)));
        return new Parts(new TreeMap<>(spent), attempts, bySpendDate, usage, new TreeMap<>(idempotency), keysByDate,
                new TreeMap<>(gateways), new TreeMap<>(nodeByIdentity), lastClosedEpoch(), expiredBefore(),
                spendDateFloor());
    }

    public OptionalLong lastClosedEpoch() {
        return lastClosedEpoch == null ? OptionalLong.empty() : OptionalLong.of(lastClosedEpoch);
    }

    /** The earliest epoch a ticket can still count in; empty until the first epoch closes. */
    public OptionalLong openEpoch() {
        return lastClosedEpoch == null ? OptionalLong.empty() : OptionalLong.of(lastClosedEpoch + 1);
    }

    /** Serials spent before this date may have been forgotten. */
    public Optional<LocalDate> expiredBefore() {
        return Optional.ofNullable(expiredBefore);
    }

    /** No spend date before this is accepted any more, whatever the redemption clock says. */
    public Optional<LocalDate> spendDateFloor() {
        return Optional.ofNullable(spendDateFloor);
    }

    public int indexedSerials() {
        return spent.size();
    }

    public Optional<GatewayRegistration> gateway(long nodeId) {
        return Optional.ofNullable(gateways.get(nodeId));
    }

    public Optional<GatewayRegistration> gatewayByIdentity(GatewayIdentity identity) {
        Long nodeId = nodeByIdentity.get(identity);
        return nodeId == null ? Optional.empty() : gateway(nodeId);
    }

    /** Read view: what the ledger knows of a serial, given as sent. */
    public TicketStatus ticketStatus(String serial) {
        TicketSerial parsed;
        try {
            parsed = TicketSerial.parse(serial);
        } catch (IllegalArgumentException e) {
            return new TicketStatus.Malformed(serial, e.getMessage());
        }
        SpentTicket entry = spent.get(parsed);
        if (entry == null) {
            return new TicketStatus.NotRedeemed(parsed, expiredBefore());
        }
        return new TicketStatus.Redeemed(parsed, entry, List.copyOf(doubleSpendAttempts.getOrDefault(parsed, List.of())));
    }

    /** Read view: one gateway's running usage for each open epoch in [fromEpoch, toEpoch] where it redeemed anything. */
    public List<GatewayUsageInEpoch> gatewayUsage(long gatewayNodeId, long fromEpoch, long toEpoch) {
        List<GatewayUsageInEpoch> rows = new ArrayList<>();
        if (fromEpoch > toEpoch) {
            return rows;
        }
        usageByEpoch.subMap(fromEpoch, true, toEpoch, true).forEach((epoch, byGateway) -> {
            GatewayEpochUsage usage = byGateway.get(gatewayNodeId);
            if (usage != null) {
                rows.add(new GatewayUsageInEpoch(epoch, usage));
            }
        });
        return rows;
    }

    /** Whether the epoch is closed: its usage is final and no longer in this state. */
    public boolean isClosed(long epoch) {
        return lastClosedEpoch != null && epoch <= lastClosedEpoch;
    }

    /** Read view: an open epoch's running totals; empty for a closed epoch (see {@link #isClosed}). */
    public Optional<EpochTotals> epochTotals(long epoch) {
        if (isClosed(epoch)) {
            return Optional.empty();
        }
        return Optional.of(EpochTotals.of(epoch, false, usageOf(epoch)));
    }

    /** The epoch's per-gateway usage, sorted by gateway node id. */
    List<GatewayEpochUsage> usageOf(long epoch) {
        TreeMap<Long, GatewayEpochUsage> byGateway = usageByEpoch.get(epoch);
        return byGateway == null ? List.of() : List.copyOf(byGateway.values());
    }

    /** Everything that defines this state, in sorted maps, for the state digest a rebuild verifies. */
    public CanonicalLedgerState canonicalView() {
        TreeMap<Long, SortedMap<Long, GatewayEpochUsage>> usage = new TreeMap<>();
        usageByEpoch.forEach((epoch, byGateway) -> usage.put(epoch, new TreeMap<>(byGateway)));
        TreeMap<TicketSerial, List<DoubleSpendAttempt>> attempts = new TreeMap<>();
        doubleSpendAttempts.forEach((serial, list) -> attempts.put(serial, List.copyOf(list)));
        TreeMap<IdempotencyRef, CanonicalLedgerState.IdempotencyEntry> keys = new TreeMap<>();
        idempotency.forEach((ref, rec) -> keys.put(ref, new CanonicalLedgerState.IdempotencyEntry(
                rec.bodyFingerprint(), rec.recordedOn(), rec.epoch())));
        return new CanonicalLedgerState(new TreeMap<>(spent), attempts, usage, keys,
                new TreeMap<>(gateways), lastClosedEpoch(), expiredBefore(), spendDateFloor());
    }
}
