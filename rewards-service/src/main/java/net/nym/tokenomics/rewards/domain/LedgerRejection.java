package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.time.Instant;

/**
 * Why {@code decide} refused a command; nothing is recorded. Each names the offending {@link #field()} and says why in
 * {@link #reason()}, which is what an API error body needs. Conflicts with the current state (pending change,
 * unbonding, wrong epoch) and invalid input are distinguished by type: {@link #kind()} says which, and so the HTTP
 * status; {@link #code()} is the record's name in snake_case ({@code NodeNotFound} is {@code node_not_found}).
 */
public sealed interface LedgerRejection extends Rejection {

    /** The command field (or state) at fault, in snake_case as the API spells it. */
    String field();

    String reason();

    @Override
    default String code() {
        return Rejection.codeOf(getClass());
    }

    @Override
    default ErrorKind kind() {
        return switch (this) {
            case NodeNotFound r -> ErrorKind.NOT_FOUND;
            case DelegationNotFound r -> ErrorKind.NOT_FOUND;
            case NotNodeOwner r -> ErrorKind.FORBIDDEN;
            case NotInitialized r -> ErrorKind.NOT_READY;
            case InvalidAmount r -> ErrorKind.INVALID;
            case InvalidParameters r -> ErrorKind.INVALID;
            case MissingAccount r -> ErrorKind.INVALID;
            case PledgeBelowMinimum r -> ErrorKind.INVALID;
            case InvalidPledgeReduction r -> ErrorKind.INVALID;
            case ProfitMarginOutOfRange r -> ErrorKind.INVALID;
            case OperatingCostOutOfRange r -> ErrorKind.INVALID;
            case AlreadyInitialized r -> ErrorKind.CONFLICT;
            case AlreadyBonded r -> ErrorKind.CONFLICT;
            case IdentityKeyInUse r -> ErrorKind.CONFLICT;
            case StaleBondingNonce r -> ErrorKind.CONFLICT;
            case NodeIsUnbonding r -> ErrorKind.CONFLICT;
            case NodeNotBonded r -> ErrorKind.CONFLICT;
            case PendingPledgeChange r -> ErrorKind.CONFLICT;
            case UndelegationAlreadyPending r -> ErrorKind.CONFLICT;
            case NothingToWithdraw r -> ErrorKind.CONFLICT;
            case EpochMismatch r -> ErrorKind.CONFLICT;
            case EpochNotOver r -> ErrorKind.CONFLICT;
            case DuplicateRewardedNode r -> ErrorKind.CONFLICT;
            case NodeAlreadyRewarded r -> ErrorKind.CONFLICT;
            case TotalWorkAboveOne r -> ErrorKind.CONFLICT;
            case FeeIncomeForOtherEpoch r -> ErrorKind.CONFLICT;
            case DuplicateFeeIncomeGateway r -> ErrorKind.CONFLICT;
            case InsufficientBalance r -> ErrorKind.CONFLICT;
        };
    }

    /** Why an amount is unacceptable. */
    enum AmountProblem { NEGATIVE, ZERO, ABOVE_TOKEN_SUPPLY }

    record NotInitialized() implements LedgerRejection {
        public String field() { return "ledger"; }
        public String reason() { return "the ledger has not been initialized"; }
    }

    record AlreadyInitialized() implements LedgerRejection {
        public String field() { return "ledger"; }
        public String reason() { return "the ledger is already initialized"; }
    }

    record InvalidParameters(String field, String problem) implements LedgerRejection {
        public String reason() { return problem; }
    }

    record MissingAccount(String field) implements LedgerRejection {
        public String reason() { return field + " must not be blank"; }
    }

    record InvalidAmount(String field, BigInteger amount, AmountProblem problem) implements LedgerRejection {
        public String reason() {
            return switch (problem) {
                case NEGATIVE -> "amount " + amount + " is negative";
                case ZERO -> "amount must be greater than zero";
                case ABOVE_TOKEN_SUPPLY -> "amount " + amount + " exceeds the token supply " + Unym.TOKEN_SUPPLY;
            };
        }
    }

    /** The account's liquid balance cannot pay what the command needs (issue 15); nothing is held or recorded. */
    record InsufficientBalance(String field, String account, Unym balance, Unym needed) implements LedgerRejection {
        public String reason() {
            return "account " + account + " has " + balance + " uNYM, " + needed + " uNYM are needed";
        }
    }

    record PledgeBelowMinimum(BigInteger pledge, Unym minimum) implements LedgerRejection {
        public String field() { return "pledge"; }
        public String reason() { return "pledge " + pledge + " is below the minimum pledge " + minimum; }
    }

    record InvalidPledgeReduction(long nodeId, Unym currentPledge, BigInteger decreaseBy, Unym minimum) implements LedgerRejection {
        public String field() { return "amount"; }
        public String reason() {
            return "decreasing the pledge " + currentPledge + " of node " + nodeId + " by " + decreaseBy
                    + " would leave less than the minimum pledge " + minimum;
        }
    }

    record ProfitMarginOutOfRange(Decimal profitMargin, Percent minimum, Percent maximum) implements LedgerRejection {
        public String field() { return "profit_margin_percent"; }
        public String reason() { return "profit margin " + profitMargin + " is outside [" + minimum + ", " + maximum + "]"; }
    }

    record OperatingCostOutOfRange(BigInteger operatingCost, Unym minimum, Unym maximum) implements LedgerRejection {
        public String field() { return "interval_operating_cost"; }
        public String reason() { return "operating cost " + operatingCost + " is outside [" + minimum + ", " + maximum + "] uNYM"; }
    }

    record AlreadyBonded(String owner, long nodeId) implements LedgerRejection {
        public String field() { return "owner"; }
        public String reason() { return "account " + owner + " already has bonded node " + nodeId; }
    }

    record IdentityKeyInUse(String identityKey, long nodeId) implements LedgerRejection {
        public String field() { return "identity_key"; }
        public String reason() { return "identity key " + identityKey + " is already bonded as node " + nodeId; }
    }

    /** The identity key signed for a bond that would have got node id {@code signedFor}; another bond took it first. */
    record StaleBondingNonce(long signedFor, long nextNodeId) implements LedgerRejection {
        public String field() { return "nonce"; }
        public String reason() {
            return "the bonding signature was made for nonce " + signedFor + " but the next node id is " + nextNodeId
                    + ": sign again over the current nonce";
        }
    }

    record NodeNotFound(long nodeId) implements LedgerRejection {
        public String field() { return "node_id"; }
        public String reason() { return "node " + nodeId + " does not exist"; }
    }

    record NotNodeOwner(long nodeId, String actor) implements LedgerRejection {
        public String field() { return "node_id"; }
        public String reason() { return "account " + actor + " does not own node " + nodeId; }
    }

    record NodeIsUnbonding(long nodeId) implements LedgerRejection {
        public String field() { return "node_id"; }
        public String reason() { return "node " + nodeId + " is unbonding"; }
    }

    record NodeNotBonded(long nodeId) implements LedgerRejection {
        public String field() { return "node_id"; }
        public String reason() { return "node " + nodeId + " is no longer bonded"; }
    }

    record PendingPledgeChange(long nodeId, long pendingEventId) implements LedgerRejection {
        public String field() { return "node_id"; }
        public String reason() {
            return "node " + nodeId + " already has a pending pledge change (event " + pendingEventId + ")";
        }
    }

    record DelegationNotFound(long nodeId, String owner) implements LedgerRejection {
        public String field() { return "node_id"; }
        public String reason() { return "account " + owner + " has no delegation on node " + nodeId; }
    }

    record UndelegationAlreadyPending(long nodeId, String owner, long pendingEventId) implements LedgerRejection {
        public String field() { return "node_id"; }
        public String reason() {
            return "the delegation of " + owner + " on node " + nodeId + " is already being undelegated (event "
                    + pendingEventId + ")";
        }
    }

    /** The reward is below 1 uNYM: a withdrawal would pay nothing (and would destroy the fraction). */
    record NothingToWithdraw(long nodeId, String account, Decimal accrued) implements LedgerRejection {
        public String field() { return "node_id"; }
        public String reason() {
            return "account " + account + " has no whole uNYM of reward to withdraw on node " + nodeId + " (accrued "
                    + accrued + ")";
        }
    }

    record EpochMismatch(long currentEpoch, long requestedEpoch) implements LedgerRejection {
        public String field() { return "epoch_id"; }
        public String reason() {
            return requestedEpoch < currentEpoch
                    ? "epoch " + requestedEpoch + " is already closed (current epoch is " + currentEpoch + ")"
                    : "epoch " + requestedEpoch + " is not the current epoch " + currentEpoch;
        }
    }

    record EpochNotOver(long epochId, Instant epochEnd, Instant now) implements LedgerRejection {
        public String field() { return "now"; }
        public String reason() { return "epoch " + epochId + " ends at " + epochEnd + ", not yet over at " + now; }
    }

    record DuplicateRewardedNode(long nodeId) implements LedgerRejection {
        public String field() { return "rewarded_set"; }
        public String reason() { return "node " + nodeId + " appears more than once in the rewarded set"; }
    }

    record NodeAlreadyRewarded(long nodeId, long epochId) implements LedgerRejection {
        public String field() { return "rewarded_set"; }
        public String reason() { return "node " + nodeId + " was already rewarded (or bonded) in epoch " + epochId; }
    }

    record TotalWorkAboveOne(Decimal totalWork) implements LedgerRejection {
        public String field() { return "rewarded_set"; }
        public String reason() { return "the work factors of the rewarded set add up to " + totalWork + ", above 1"; }
    }

    record FeeIncomeForOtherEpoch(long epochId, long feeIncomeEpochId) implements LedgerRejection {
        public String field() { return "fee_income"; }
        public String reason() { return "fee income of epoch " + feeIncomeEpochId + " given to close epoch " + epochId; }
    }

    record DuplicateFeeIncomeGateway(long gatewayNodeId) implements LedgerRejection {
        public String field() { return "fee_income"; }
        public String reason() { return "gateway " + gatewayNodeId + " appears more than once in the fee income"; }
    }
}
