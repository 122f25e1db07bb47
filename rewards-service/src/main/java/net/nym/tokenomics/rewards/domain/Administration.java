package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import java.util.Optional;

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
        return Decision.accept(new LedgerInitialized(c.now(), params, c.settings(),
                IntervalClock.start(c.firstEpochStart(), c.epochLength())));
    }

    static Decision updateRewardingParams(UpdateRewardingParams c, MixnetLedger ledger) {
        LedgerGlobals g = ledger.globals();
        valid("update", c.update().problem(g.params()));
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
