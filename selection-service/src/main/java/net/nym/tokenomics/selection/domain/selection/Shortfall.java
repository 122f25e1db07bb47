package net.nym.tokenomics.selection.domain.selection;

/**
 * How many places of each role stayed empty because the pool was smaller than requested. Not an error (reference
 * A.5 step 6): it is reported with the result.
 */
public record Shortfall(int entryGateways, int exitGateways, int mixnodes, int standby) {

    public static final Shortfall NONE = new Shortfall(0, 0, 0, 0);

    public boolean isNone() {
        return equals(NONE);
    }
}
