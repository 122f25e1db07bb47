package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.rewards.domain.LedgerCommand.*;

/**
 * {@code decide(command, state)}: the events a command leads to, or why it is refused. Pure: it reads the ledger,
 * never changes it, and takes time only from the command. The rules live in one small class per use case.
 */
public final class LedgerDecider {

    private LedgerDecider() {
    }

    public static Decision decide(LedgerCommand command, MixnetLedger ledger) {
        Decision decision = decideUnchecked(command, ledger);
        if (decision instanceof Decision.Accepted accepted && !(command instanceof CloseEpoch)) {
            // every token stays somewhere: a decision that would create or lose one is a fault, never recorded (a
            // closing checks each of its steps as it builds them: EpochClosing)
            SupplyAccounting.verify(ledger, accepted.events());
        }
        return decision;
    }

    private static Decision decideUnchecked(LedgerCommand command, MixnetLedger ledger) {
        try {
            if (command instanceof InitializeLedger c) {
                return Administration.initialize(c, ledger);
            }
            LedgerChecks.require(ledger.isInitialized(), new LedgerRejection.NotInitialized());
            return switch (command) {
                case InitializeLedger c -> Decision.reject(new LedgerRejection.AlreadyInitialized());
                case BondNode c -> NodeOperations.bond(c, ledger);
                case PledgeMore c -> NodeOperations.pledgeMore(c, ledger);
                case DecreasePledge c -> NodeOperations.decreasePledge(c, ledger);
                case UnbondNode c -> NodeOperations.unbond(c, ledger);
                case ChangeCostParams c -> NodeOperations.changeCostParams(c, ledger);
                case WithdrawOperatorReward c -> NodeOperations.withdrawOperatorReward(c, ledger);
                case Delegate c -> Delegating.delegate(c, ledger);
                case Undelegate c -> Delegating.undelegate(c, ledger);
                case WithdrawDelegatorReward c -> Delegating.withdrawReward(c, ledger);
                case UpdateRewardingParams c -> Administration.updateRewardingParams(c, ledger);
                case UpdateIntervalConfig c -> Administration.updateIntervalConfig(c, ledger);
                case UpdateActiveSet c -> Administration.updateActiveSet(c, ledger);
                case UpdateContractSettings c -> Administration.updateContractSettings(c, ledger);
                case Transfer c -> Accounts.transfer(c, ledger);
                case CloseEpoch c -> EpochClosing.close(c, ledger);
            };
        } catch (Refused refused) {
            return Decision.reject(refused.rejection);
        }
    }
}
