package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static net.nym.tokenomics.rewards.domain.LedgerChecks.require;

/**
 * Admin actions. Who may act as admin is decided by the caller (the API gateway's role); the domain only checks
 * what is asked for.
 */
final class Administration {

    private Administration() {
    }

    static Decision initialize(InitializeLedger c, MixnetLedger ledger) {
        require(!ledger.isInitialized(), new LedgerRejection.AlreadyInitialized());
        valid("rewarding_params", c.params().problem());
        valid("contract_settings", c.settings().problem());
        require(c.epochLength().isPositive(), new LedgerRejection.InvalidParameters("epoch_length", "epoch length must be > 0"));
        RewardingParams p = c.params();
        // B and sat are always derived here, whatever the given params carried.
        RewardingParams params = RewardingParams.initial(
                p.interval().rewardPool(), p.interval().stakingSupply(), p.interval().stakingSupplyScaleFactor(),
                p.interval().sybilResistance(), p.interval().activeSetWorkFactor(), p.interval().intervalPoolEmission(),
                p.rewardedSet(), p.epochsInInterval(), p.feeIncome());
        GenesisAllocated allocated = genesis(c, params);
        return new Decision.Accepted(List.of(new LedgerInitialized(c.now(), params, c.settings(),
                IntervalClock.start(c.firstEpochStart(), c.epochLength())), allocated));
    }

    /**
     * The genesis allocation, checked: every token of the total supply (at most {@link Unym#TOKEN_SUPPLY}, so that no
     * sum of amounts can ever leave the contract's Decimal range) is in the mixmining pool or in one balance.
     */
    private static GenesisAllocated genesis(InitializeLedger c, RewardingParams params) {
        LedgerCommand.GenesisAllocation a = c.allocation();
        require(a != null, new LedgerRejection.InvalidParameters("genesis", "a genesis allocation is required: tokens exist only from genesis"));
        BigInteger total = a.totalSupply();
        require(total.signum() > 0 && total.compareTo(Unym.TOKEN_SUPPLY.amount()) <= 0, new LedgerRejection.InvalidParameters(
                "total_supply", "total supply " + total + " must be within 1.." + Unym.TOKEN_SUPPLY + " uNYM"));
        Decimal pool = params.interval().rewardPool();
        Decimal held = Decimal.of(a.mixminingPool());
        // whole tokens: the pool's tokens are ceil(reward pool), its fraction of a uNYM (if any) starts as dust
        require(!pool.greaterThan(held) && held.minus(pool).compareTo(Decimal.ONE) < 0, new LedgerRejection.InvalidParameters(
                "mixmining_pool", "the mixmining pool " + a.mixminingPool() + " must be the reward pool " + pool
                        + " of the rewarding params, rounded up to a whole uNYM"));
        String treasury = LedgerChecks.account("treasury", a.treasury());
        TreeMap<String, Unym> balances = new TreeMap<>();
        BigInteger sum = BigInteger.ZERO;
        for (LedgerCommand.Allocation entry : a.balances()) {
            String account = LedgerChecks.account("balances.account", entry.account());
            Unym amount = LedgerChecks.amount("balances.amount", entry.amount());
            require(balances.put(account, amount) == null, new LedgerRejection.InvalidParameters("balances",
                    "account " + account + " is allocated twice"));
            sum = sum.add(amount.amount());
        }
        require(sum.add(a.mixminingPool()).equals(total), new LedgerRejection.InvalidParameters("total_supply",
                "the mixmining pool " + a.mixminingPool() + " plus the balances " + sum + " is " + sum.add(a.mixminingPool())
                        + " uNYM, not the total supply " + total + ": every token must be somewhere"));
        require(a.vestingTokens().signum() >= 0 && a.vestingTokens().compareTo(sum) <= 0, new LedgerRejection.InvalidParameters(
                "vesting_tokens", "vesting tokens " + a.vestingTokens() + " must be within 0.." + sum + " (the allocated balances)"));
        return new GenesisAllocated(c.now(), new Unym(total), new Unym(a.mixminingPool()), new Unym(a.vestingTokens()),
                treasury, balances.entrySet().stream().map(e -> new Allocated(e.getKey(), e.getValue())).toList());
    }


    static Decision updateRewardingParams(UpdateRewardingParams c, MixnetLedger ledger) {
        LedgerGlobals g = ledger.globals();
        valid("update", c.update().problem(g.params()));
        // The pool holds tokens in a funded ledger: it changes only by rewards leaving and fees entering it.
        require(!g.funded() || c.update().rewardPool() == null, new LedgerRejection.InvalidParameters("reward_pool",
                "the reward pool holds tokens and cannot be set: it changes only by the rewards paid from it"));
        if (c.forceImmediately() || g.clock().isIntervalOver(c.now(), g.params().epochsInInterval())) {
            return Decision.accept(new RewardingParamsUpdated(c.now(), null, c.update(), g.params().withUpdates(c.update())));
        }
        return Decision.accept(new IntervalEventQueued(c.now(),
                new PendingIntervalEvent.RewardingParamsChange(g.nextPendingEventId(), c.now(), c.update())));
    }

    static Decision updateIntervalConfig(UpdateIntervalConfig c, MixnetLedger ledger) {
        LedgerGlobals g = ledger.globals();
        require(c.epochsInInterval() > 0,
                new LedgerRejection.InvalidParameters("epochs_in_interval", "epochs in interval must be > 0, got " + c.epochsInInterval()));
        require(c.epochLength().isPositive(), new LedgerRejection.InvalidParameters("epoch_length", "epoch length must be > 0"));
        if (c.forceImmediately() || g.clock().isIntervalOver(c.now(), g.params().epochsInInterval())) {
            return Decision.accept(new IntervalConfigUpdated(c.now(), null, c.epochsInInterval(), c.epochLength(),
                    g.params().withEpochsInInterval(c.epochsInInterval()),
                    g.clock().reconfigured(c.epochsInInterval(), c.epochLength())));
        }
        return Decision.accept(new IntervalEventQueued(c.now(), new PendingIntervalEvent.IntervalConfigChange(
                g.nextPendingEventId(), c.now(), c.epochsInInterval(), c.epochLength())));
    }

    static Decision updateActiveSet(UpdateActiveSet c, MixnetLedger ledger) {
        LedgerGlobals g = ledger.globals();
        valid("active_set", c.update().problem(g.params().rewardedSet()));
        if (c.forceImmediately() || g.clock().isEpochOver(c.now())) {
            return Decision.accept(new ActiveSetUpdated(c.now(), null, c.update(), g.params().withActiveSet(c.update())));
        }
        return Decision.accept(new EpochEventQueued(c.now(),
                new PendingEpochEvent.ActiveSetChange(g.nextPendingEventId(), c.now(), c.update())));
    }

    static Decision updateContractSettings(UpdateContractSettings c, MixnetLedger ledger) {
        valid("contract_settings", c.settings().problem());
        return Decision.accept(new ContractSettingsUpdated(c.now(), c.settings()));
    }

    private static void valid(String field, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new Refused(new LedgerRejection.InvalidParameters(field, p));
        });
    }
}
