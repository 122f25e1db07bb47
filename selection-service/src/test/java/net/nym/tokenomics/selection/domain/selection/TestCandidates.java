package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

/** Candidates for tests. */
final class TestCandidates {

    static final DeclaredRoles MIX = new DeclaredRoles(true, false, false);
    static final DeclaredRoles ENTRY = new DeclaredRoles(false, true, false);
    static final DeclaredRoles EXIT = DeclaredRoles.fromNodeRoles(false, true, true, true);
    static final DeclaredRoles ALL = DeclaredRoles.fromNodeRoles(true, true, true, true);
    static final Decimal SATURATION_POINT = Decimal.of(1_000_000);

    private TestCandidates() {
    }

    /** A candidate with an arbitrary weight (saturation 1, performance 1 nominally; the sampler reads only the weight). */
    static Candidate weighted(long id, String owner, DeclaredRoles roles, String weight) {
        return new Candidate(NodeId.of(id), owner, roles, SATURATION_POINT, Decimal.ONE, Percent.HUNDRED, Decimal.parse(weight));
    }

    static Candidate weighted(long id, DeclaredRoles roles, String weight) {
        return weighted(id, "n1owner" + id, roles, weight);
    }

    /** A consistent candidate: stake in uNYM against a 1,000,000 uNYM saturation point, performance as a decimal string. */
    static Candidate real(long id, String owner, DeclaredRoles roles, long stake, String performance) {
        return Candidate.of(NodeId.of(id), owner, roles, Decimal.of(stake), SATURATION_POINT, Percent.parse(performance));
    }

    static Seed seed(long i) {
        return new SeedInput.HashChain(Digest.ZERO).seedFor(i);
    }
}
