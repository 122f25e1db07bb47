package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.EpochUsageClosed;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.GatewayRegistryUpdated;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.SerialsExpired;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The ticket ledger's decider. {@link #decide} is pure and reads the state only; {@link #evolve} applies an event's
 * recorded results to the state in place (see {@link LedgerState}) and never throws or recomputes a formula.
 */
public final class TicketLedger {

    private TicketLedger() {
    }

    public static Decision decide(LedgerCommand command, LedgerState state) {
        return switch (command) {
            case LedgerCommand.RedeemTicketBatch c -> BatchRedemption.decide(c, state);
            case LedgerCommand.CloseEpochUsage c -> EpochClosing.decide(c, state);
            case LedgerCommand.CloseEpochsThrough c -> EpochClosing.decideThrough(c, state);
            case LedgerCommand.ExpireSerials c -> SerialExpiry.decide(c, state);
            case LedgerCommand.RecordGateway c -> recordGateway(c, state);
        };
    }

    /**
     * Decides a group of batches in order, each seeing the earlier ones' accepted serials and idempotency records as if
     * they had been evolved, without changing the state: the same decisions as {@code decide} then {@code evolve} one
     * after another. The caller makes the events durable in this order, then evolves them; if that fails, the state
     * has nothing to undo.
     */
    public static List<Decision> decideRedemptions(List<LedgerCommand.RedeemTicketBatch> commands, LedgerState state) {
        InFlight inFlight = new InFlight();
        List<Decision> decisions = new ArrayList<>(commands.size());
        for (LedgerCommand.RedeemTicketBatch command : commands) {
            Decision decision = BatchRedemption.decide(command, state, inFlight);
            if (decision instanceof Decision.Events events) {
                for (LedgerEvent event : events.events()) {
                    inFlight.add((TicketBatchRedeemed) event);
                }
            }
            decisions.add(decision);
        }
        return decisions;
    }

    public static LedgerState evolve(LedgerState state, LedgerEvent event) {
        switch (event) {
            case TicketBatchRedeemed e -> applyBatch(state, e);
            case EpochUsageClosed e -> {
                // A closed epoch's usage is final and lives on in the event (and the usage read model, ADR 0012): the
                // state keeps only open epochs, so it does not grow with the network's age. No batch counts in a
                // closed epoch (BatchRedemption assigns lastClosed + 1 at the earliest).
                state.usageByEpoch.headMap(e.epoch(), true).clear();
                state.lastClosedEpoch = state.lastClosedEpoch == null ? e.epoch() : Math.max(state.lastClosedEpoch, e.epoch());
            }
            case SerialsExpired e -> applyExpiry(state, e);
            case GatewayRegistryUpdated e -> {
                GatewayRegistration old = state.gateways.put(e.nodeId(), new GatewayRegistration(e.nodeId(), e.identity(), e.bonded()));
                if (old != null && !old.identity().equals(e.identity())) {
                    state.nodeByIdentity.remove(old.identity(), e.nodeId());
                }
                state.nodeByIdentity.put(e.identity(), e.nodeId());
            }
        }
        return state;
    }

    public static LedgerState fold(Iterable<? extends LedgerEvent> events) {
        LedgerState state = LedgerState.empty();
        for (LedgerEvent event : events) {
            evolve(state, event);
        }
        return state;
    }

    private static Decision recordGateway(LedgerCommand.RecordGateway cmd, LedgerState state) {
        Long holder = state.nodeByIdentity.get(cmd.identity());
        if (holder != null && holder != cmd.nodeId() && state.gateways.get(holder).bonded()) {
            return new Decision.Rejected(new Rejection.IdentityHeldByBondedNode(cmd.identity(), holder));
        }
        GatewayRegistration current = state.gateways.get(cmd.nodeId());
        if (current != null && current.identity().equals(cmd.identity()) && current.bonded() == cmd.bonded()
                && holder != null && holder == cmd.nodeId()) {
            return new Decision.Events(List.of());
        }
        return new Decision.Events(List.of(new GatewayRegistryUpdated(cmd.nodeId(), cmd.identity(), cmd.bonded(), cmd.now())));
    }

    private static void applyBatch(LedgerState state, TicketBatchRedeemed e) {
        for (TicketOutcome outcome : e.outcomes()) {
            switch (outcome) {
                case TicketOutcome.Accepted a -> {
                    if (state.spent.putIfAbsent(a.serial(), new SpentTicket(e.gatewayNodeId(), e.gateway(), e.epoch(),
                            a.type(), a.spendDate(), e.recordedAt(), e.batchId())) == null) {
                        state.serialsBySpendDate.computeIfAbsent(a.spendDate(), d -> new ArrayList<>()).add(a.serial());
                    }
                }
                case TicketOutcome.DoubleSpend d -> state.doubleSpendAttempts
                        .computeIfAbsent(d.serial(), s -> new ArrayList<>())
                        .add(new DoubleSpendAttempt(d.gatewayNodeId(), d.gateway(), e.epoch(), e.recordedAt(), e.batchId()));
                case TicketOutcome.Replayed r -> { }
                case TicketOutcome.Invalid v -> { }
            }
        }
        if (e.counts().accepted() > 0 || e.counts().doubleSpends() > 0) {
            TreeMap<Long, GatewayEpochUsage> byGateway = state.usageByEpoch.computeIfAbsent(e.epoch(), k -> new TreeMap<>());
            byGateway.put(e.gatewayNodeId(), byGateway.getOrDefault(e.gatewayNodeId(), GatewayEpochUsage.empty(e.gatewayNodeId()))
                    .plus(e.accepted(), e.counts().doubleSpends()));
        }
        IdempotencyRef ref = new IdempotencyRef(e.gateway(), e.batchId());
        LocalDate recordedOn = LocalDate.ofInstant(e.recordedAt(), ZoneOffset.UTC);
        if (state.idempotency.put(ref, new LedgerState.IdempotencyRecord(e.bodyFingerprint(), recordedOn, e.recordedAt(), e.epoch())) == null) {
            state.idempotencyByDate.computeIfAbsent(recordedOn, d -> new ArrayList<>()).add(ref);
        }
    }

    private static void applyExpiry(LedgerState state, SerialsExpired e) {
        for (TicketSerial serial : e.serialsRemoved()) {
            state.spent.remove(serial);
            state.doubleSpendAttempts.remove(serial);
        }
        state.serialsBySpendDate.headMap(e.cutoff()).clear();
        for (IdempotencyRef ref : e.idempotencyKeysRemoved()) {
            state.idempotency.remove(ref);
        }
        state.idempotencyByDate.headMap(e.cutoff()).clear();
        if (state.expiredBefore == null || e.cutoff().isAfter(state.expiredBefore)) {
            state.expiredBefore = e.cutoff();
        }
        if (state.spendDateFloor == null || e.spendDateFloor().isAfter(state.spendDateFloor)) {
            state.spendDateFloor = e.spendDateFloor();
        }
    }
}
