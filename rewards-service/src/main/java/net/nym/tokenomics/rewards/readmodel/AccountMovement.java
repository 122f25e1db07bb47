package net.nym.tokenomics.rewards.readmodel;

import com.fasterxml.jackson.annotation.JsonFormat;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One movement of an account's liquid balance (issue 15): a row of {@code account_movement} and an item of the
 * account-history pages.
 *
 * @param ledgerVersion the ledger stream version of the event that moved the balance (with {@code seq}, its order)
 * @param seq           the movement's place within that event (a transfer: 0 the sender's, 1 the recipient's)
 * @param epochId       the epoch the ledger was in when the event was recorded
 * @param kind          {@code genesis}, {@code transfer_in}, {@code transfer_out}, {@code bond}, {@code pledge_more},
 *                      {@code delegate}, {@code delegation_returned}, {@code undelegated}, {@code pledge_decreased},
 *                      {@code unbonded}, {@code operator_reward} or {@code delegator_reward}
 * @param nodeId        the node of a bond, pledge, delegation or reward; null for the genesis and transfers
 * @param counterparty  the other account of a transfer, else null
 * @param change        the signed change of the balance (a debit is negative), uNYM; a string in JSON
 * @param balanceAfter  the liquid balance once the movement is applied
 */
public record AccountMovement(String account, long ledgerVersion, int seq, long epochId, Instant at, String kind,
                              Long nodeId, String counterparty,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger change, Unym balanceAfter) {
}
