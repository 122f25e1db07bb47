package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;

import java.math.BigInteger;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The one definition of which liquid balances an event debits or credits (issue 15, ADR 0014): applied to the balances
 * by {@link SupplyAccounting} as the evolver folds the event, and written as {@code account_movement} rows by the
 * service's read model, so that an account's history always shows exactly the movements its balance went through.
 */
public final class BalanceMovements {

    private BalanceMovements() {
    }

    /**
     * One movement of an account's liquid balance.
     *
     * @param kind         what moved it: {@code genesis}, {@code transfer_out}, {@code transfer_in}, {@code bond},
     *                     {@code delegate}, {@code pledge_more}, {@code operator_reward}, {@code delegator_reward},
     *                     {@code delegation_returned}, {@code undelegated}, {@code pledge_decreased}, {@code unbonded}
     * @param nodeId       the node concerned, or null
     * @param counterparty the other account of a transfer, or null
     * @param change       the signed change in uNYM (negative: a debit)
     */
    public record Movement(String account, String kind, Long nodeId, String counterparty, BigInteger change) {
    }

    /**
     * The movements of {@code event}, in the order they apply (a transfer: the sender's debit, then the recipient's
     * credit); none for an event that moves no liquid balance. A {@link DelegationsAdded} run moves none (its
     * delegations were paid for when requested).
     *
     * @param ownerOf the owner of a node, as the state before the event has it (an owner never changes)
     */
    public static List<Movement> of(LedgerEvent event, LongFunction<String> ownerOf) {
        return switch (event) {
            case GenesisAllocated e -> e.balances().stream()
                    .map(a -> credit(a.account(), "genesis", null, null, a.amount())).toList();
            case TokensTransferred e -> List.of(
                    debit(e.from(), "transfer_out", null, e.to(), e.amount()),
                    credit(e.to(), "transfer_in", null, e.from(), e.amount()));
            case NodeBonded e -> List.of(debit(e.owner(), "bond", e.nodeId(), null, e.pledge()));
            case EpochEventQueued e -> switch (e.event()) {
                case PendingEpochEvent.DelegationRequest p ->
                        List.of(debit(p.owner(), "delegate", p.nodeId(), null, p.amount()));
                case PendingEpochEvent.PledgeIncrease p ->
                        List.of(debit(ownerOf.apply(p.nodeId()), "pledge_more", p.nodeId(), null, p.amount()));
                default -> List.of();
            };
            case OperatorRewardWithdrawn e -> List.of(credit(e.owner(), "operator_reward", e.nodeId(), null, e.paid()));
            case DelegatorRewardWithdrawn e -> List.of(credit(e.owner(), "delegator_reward", e.nodeId(), null, e.paid()));
            case DelegationReturned e -> List.of(credit(e.owner(), "delegation_returned", e.nodeId(), null, e.returned()));
            case DelegationRemoved e -> List.of(credit(e.owner(), "undelegated", e.nodeId(), null, e.paid()));
            case PledgeDecreased e ->
                    List.of(credit(ownerOf.apply(e.nodeId()), "pledge_decreased", e.nodeId(), null, e.amount()));
            case NodeUnbonded e -> List.of(credit(e.owner(), "unbonded", e.nodeId(), null, e.paid()));
            default -> List.of();
        };
    }

    private static Movement credit(String account, String kind, Long nodeId, String counterparty, Unym amount) {
        return new Movement(account, kind, nodeId, counterparty, amount.amount());
    }

    private static Movement debit(String account, String kind, Long nodeId, String counterparty, Unym amount) {
        return new Movement(account, kind, nodeId, counterparty, amount.amount().negate());
    }
}
