package net.nym.tokenomics.rewards.readmodel;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * One change of a delegation: a row of {@code delegation_change} and an item of the delegation-history pages.
 *
 * @param ledgerVersion the ledger stream version of the event that made the change (its order)
 * @param seq           the change's place among those of one event: 0, or the inner index in a
 *                      {@code DelegationsAdded} (not in the REST items, which are in (ledger version, seq) order)
 * @param epochId       the epoch the ledger was in when the change took effect
 * @param change        {@code added} (a queued delegation took effect), {@code returned} (it targeted a node that had
 *                      gone: the tokens went back), {@code removed} (undelegated) or {@code reward_withdrawn}
 * @param amount        the tokens moved: deposited, returned, or paid out
 * @param principal     the delegation's principal after the change ({@code added}: with what was folded in;
 *                      {@code removed}: 0; otherwise null, unchanged)
 * @param accruedReward the reward settled by the change ({@code removed}, {@code reward_withdrawn}), else null
 */
public record DelegationChange(long ledgerVersion, @JsonIgnore int seq, long epochId, Instant at, long nodeId, String owner, String change,
                               Unym amount, Unym principal, Decimal accruedReward) {
}
