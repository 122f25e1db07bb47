package net.nym.tokenomics.performance.domain.selfdescribed;

/** Roles a node declares on its self-described API ({@code /api/v1/roles}). */
public record NodeRoles(boolean mixnode, boolean entry, boolean exit) {
    public static final NodeRoles NONE = new NodeRoles(false, false, false);
}
