package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives a ledger only through {@code decide} and {@code evolve}, keeping every event, like the application layer
 * will. Account commands are issued one minute into the current epoch; epochs are closed exactly at their end.
 */
final class LedgerHarness {

    static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);

    private MixnetLedger ledger = MixnetLedger.empty();
    private final List<LedgerEvent> log = new ArrayList<>();

    /** The account holding the supply less the pool at genesis; {@link #accept} funds others from it. */
    static final String TREASURY = "treasury";

    static LedgerHarness initialized(RewardingParams params) {
        LedgerHarness h = new LedgerHarness();
        h.accept(new InitializeLedger(GENESIS, params, ContractSettings.DEFAULT, GENESIS, HOUR, genesis(params)));
        return h;
    }

    /** The whole supply but the pool in {@link #TREASURY}. */
    static GenesisAllocation genesis(RewardingParams params) {
        return GenesisAllocation.treasuryHolding(Unym.TOKEN_SUPPLY.amount(), params.interval().rewardPool(), TREASURY);
    }

    MixnetLedger ledger() {
        return ledger;
    }

    List<LedgerEvent> log() {
        return List.copyOf(log);
    }

    /** One minute into the current epoch. */
    Instant now() {
        return ledger.globals().clock().currentEpochStart().plusSeconds(60);
    }

    long epoch() {
        return ledger.globals().currentEpoch();
    }

    Decision decide(LedgerCommand command) {
        return LedgerDecider.decide(command, ledger);
    }

    /**
     * Decides and applies a command that must be accepted. A bond, pledge increase or delegation is first funded by a
     * transfer from the {@link #TREASURY} of what the actor lacks, so that tests of the contract's arithmetic need not
     * fund every account (the transfer is in the {@link #log()}).
     */
    List<LedgerEvent> accept(LedgerCommand command) {
        switch (command) {
            case BondNode c -> fund(c.owner(), c.pledge());
            case PledgeMore c -> fund(c.actor(), c.amount());
            case Delegate c -> fund(c.delegator(), c.amount());
            default -> { }
        }
        return acceptAsIs(command);
    }

    /** Tops {@code account} up from the treasury to {@code amount}, if it holds less. */
    void fund(String account, BigInteger amount) {
        if (!ledger.isInitialized() || !ledger.globals().funded() || TREASURY.equals(account) || amount == null
                || amount.signum() <= 0) {
            return;
        }
        BigInteger lacking = amount.subtract(ledger.balance(account).amount());
        if (lacking.signum() > 0) {
            acceptAsIs(new Transfer(now(), TREASURY, account, lacking));
        }
    }

    /** {@link #accept} without funding. */
    List<LedgerEvent> acceptAsIs(LedgerCommand command) {
        Decision decision = decide(command);
        if (!(decision instanceof Decision.Accepted accepted)) {
            throw new AssertionError("expected " + command + " to be accepted, got " + decision);
        }
        for (LedgerEvent event : accepted.events()) {
            LedgerEvolver.evolve(ledger, event);
            log.add(event);
        }
        return accepted.events();
    }

    LedgerRejection reject(LedgerCommand command) {
        Decision decision = decide(command);
        if (!(decision instanceof Decision.Rejected rejected)) {
            throw new AssertionError("expected " + command + " to be rejected, got " + decision);
        }
        return rejected.rejection();
    }

    long bond(String owner, long pledge, int profitMarginPercent, long intervalOperatingCost) {
        List<LedgerEvent> events = accept(new BondNode(now(), owner, "identity-" + owner, BigInteger.valueOf(pledge),
                new CostParamsInput(Decimal.percent(profitMarginPercent), BigInteger.valueOf(intervalOperatingCost)),
                ledger.globals().nextNodeId()));
        return ((LedgerEvent.NodeBonded) events.getFirst()).nodeId();
    }

    void delegate(String delegator, long nodeId, long amount) {
        accept(new Delegate(now(), delegator, nodeId, BigInteger.valueOf(amount)));
    }

    void undelegate(String delegator, long nodeId) {
        accept(new Undelegate(now(), delegator, nodeId));
    }

    List<LedgerEvent> withdrawOperator(String owner, long nodeId) {
        return accept(new WithdrawOperatorReward(now(), owner, nodeId));
    }

    List<LedgerEvent> withdrawDelegator(String delegator, long nodeId) {
        return accept(new WithdrawDelegatorReward(now(), delegator, nodeId));
    }

    /** Closes the current epoch at its end time. */
    List<LedgerEvent> close(List<RewardedNode> rewardedSet) {
        return close(rewardedSet, Optional.empty());
    }

    List<LedgerEvent> close(List<RewardedNode> rewardedSet, Optional<FeeIncome> fees) {
        return accept(new CloseEpoch(ledger.globals().clock().currentEpochEnd(), epoch(), rewardedSet, fees));
    }

    /** Closes the current epoch with nobody rewarded (e.g. the genesis epoch in which nodes bond). */
    List<LedgerEvent> closeEmpty() {
        return close(List.of());
    }

    static RewardedNode node(long nodeId, Percent performance, Decimal work) {
        return new RewardedNode(nodeId, performance, work);
    }

    static <T extends LedgerEvent> T only(List<LedgerEvent> events, Class<T> type) {
        List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + " in " + events);
        }
        return matching.getFirst();
    }

    static LedgerEvent.NodeRewarded rewarded(List<LedgerEvent> events, long nodeId) {
        return only(events, LedgerEvent.EpochRewarded.class).nodes().stream()
                .filter(r -> r.nodeId() == nodeId)
                .map(LedgerEvent.NodeRewarded.class::cast)
                .findFirst().orElseThrow();
    }

    static Decimal d(String value) {
        return Decimal.parse(value);
    }
}
