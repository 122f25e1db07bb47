package net.nym.tokenomics.selection.domain.selection;

/**
 * The roles a node declares (nym-api {@code DeclaredRoles}, reference A.2). A node may hold several.
 *
 * @param mixnode      {@code mixnode_enabled}
 * @param entryGateway {@code gateway_enabled}
 * @param exitGateway  {@code gateway_enabled && network_requester_enabled && ip_packet_router_enabled}
 */
public record DeclaredRoles(boolean mixnode, boolean entryGateway, boolean exitGateway) {

    public static final DeclaredRoles NONE = new DeclaredRoles(false, false, false);

    /** Derives the roles from the node's self-reported {@code /api/v1/roles} flags exactly as nym-api does. */
    public static DeclaredRoles fromNodeRoles(boolean mixnodeEnabled, boolean gatewayEnabled,
                                              boolean networkRequesterEnabled, boolean ipPacketRouterEnabled) {
        return new DeclaredRoles(mixnodeEnabled, gatewayEnabled,
                gatewayEnabled && networkRequesterEnabled && ipPacketRouterEnabled);
    }

    /** A node without any role is not eligible at all (A.2), unlike a node with weight 0. */
    public boolean any() {
        return mixnode || entryGateway || exitGateway;
    }

    /** Canonical form used in the proof encoding: three characters, {@code M}/{@code E}/{@code X} or {@code -}. */
    public String code() {
        return (mixnode ? "M" : "-") + (entryGateway ? "E" : "-") + (exitGateway ? "X" : "-");
    }
}
