package net.nym.tokenomics.performance.domain.monitoring;

/** Which nym-api table a monitor result feeds: the node (mixing) monitor or the gateway monitor (B.2a). */
public enum MonitorKind {
    NODE,
    GATEWAY
}
