package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.Objects;

/**
 * One entry of the selection lottery, as recorded in a {@link SelectionProof}. The record does not insist that
 * {@code saturation} and {@code weight} follow from the other fields: a proof read from the log may be tampered
 * with, and {@link SelectionVerifier} must be able to hold such a candidate and name the difference.
 *
 * @param owner      the operator (owner) account of the node; nodes of one owner share a layer when possible
 * @param stake      operator + delegates, in uNYM as a Decimal
 */
public record Candidate(NodeId nodeId, String owner, DeclaredRoles roles, Decimal stake, Decimal saturation,
                        Percent performance, Decimal weight) {

    public Candidate {
        Objects.requireNonNull(nodeId, "node_id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(stake, "stake");
        Objects.requireNonNull(saturation, "saturation");
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(weight, "weight");
    }

    /** Computes saturation and weight from the inputs (reference A.3). */
    public static Candidate of(NodeId nodeId, String owner, DeclaredRoles roles, Decimal stake,
                               Decimal stakeSaturationPoint, Percent performance) {
        SelectionWeight w = SelectionWeight.of(SelectionWeight.saturation(stake, stakeSaturationPoint), performance);
        return new Candidate(nodeId, owner, roles, stake, w.saturation(), performance, w.weight());
    }
}
