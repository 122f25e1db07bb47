package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.DecimalArithmeticException;

import java.util.List;
import java.util.Map;

/**
 * Recomputes a {@link SelectionProof} from its own inputs and reports the first difference, checking in this order:
 * the seed from the seed input, candidate order, each candidate's saturation and weight, the six result lists, the
 * shortfall, and finally the digest over the canonical text.
 */
public final class SelectionVerifier {

    public sealed interface Verdict {
        record Verified(Digest digest) implements Verdict {
        }

        /** {@code field} names where the proof departs from the recomputation (e.g. {@code candidates[3].weight}). */
        record Mismatch(String field, String expected, String actual) implements Verdict {
        }

        default boolean verified() {
            return this instanceof Verified;
        }
    }

    private SelectionVerifier() {
    }

    public static Verdict verify(SelectionProof proof) {
        Seed seed = proof.seedInput().seedFor(proof.epochId());
        if (!seed.equals(proof.seed())) {
            return new Verdict.Mismatch("seed", seed.hex(), proof.seed().hex());
        }
        List<Candidate> candidates = proof.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (i > 0 && candidates.get(i - 1).nodeId().compareTo(c.nodeId()) >= 0) {
                return new Verdict.Mismatch("candidates[" + i + "].node_id", "greater than " + candidates.get(i - 1).nodeId(),
                        c.nodeId().toString());
            }
            Decimal saturation;
            try {
                saturation = SelectionWeight.saturation(c.stake(), proof.stakeSaturationPoint());
            } catch (DecimalArithmeticException e) {
                return new Verdict.Mismatch("stake_saturation_point", "a positive decimal", proof.stakeSaturationPoint().toString());
            }
            if (!saturation.equals(c.saturation())) {
                return mismatch(i, c, "saturation", saturation, c.saturation());
            }
            Decimal weight = SelectionWeight.of(saturation, c.performance()).weight();
            if (!weight.equals(c.weight())) {
                return mismatch(i, c, "weight", weight, c.weight());
            }
        }
        RewardedSetSelection.Outcome outcome = RewardedSetSelection.select(seed, proof.sizes(), candidates, proof.previousLayers());
        Map<String, List<NodeId>> expected = outcome.rewardedSet().named();
        Map<String, List<NodeId>> actual = proof.result().named();
        for (String name : expected.keySet()) {
            if (!expected.get(name).equals(actual.get(name))) {
                return new Verdict.Mismatch(name, expected.get(name).toString(), actual.get(name).toString());
            }
        }
        if (!outcome.shortfall().equals(proof.shortfall())) {
            return new Verdict.Mismatch("shortfall", outcome.shortfall().toString(), proof.shortfall().toString());
        }
        Digest digest = proof.computeDigest();
        if (!digest.equals(proof.digest())) {
            return new Verdict.Mismatch("digest", digest.hex(), proof.digest().hex());
        }
        return new Verdict.Verified(digest);
    }

    private static Verdict mismatch(int i, Candidate c, String field, Decimal expected, Decimal actual) {
        return new Verdict.Mismatch("candidates[" + i + "]." + field + " (node " + c.nodeId() + ")",
                expected.toString(), actual.toString());
    }
}
