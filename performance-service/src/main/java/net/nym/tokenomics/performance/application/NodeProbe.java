package net.nym.tokenomics.performance.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.nym.tokenomics.eventlog.host.HostPolicy;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.domain.selfdescribed.ReportedText;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Probes one node's self-described API (B.6) and says what it found as a {@link NodeFact}; never throws. The host is
 * checked by {@link HostPolicy} before anything is sent and, for a name, every address it resolves to is checked too
 * (a public name can resolve to 127.0.0.1); the connection goes to the address checked. The four requests share one
 * deadline, so a node costs at most {@code timeout} however it behaves. Strings the node sends are sanitized and
 * bounded ({@link ReportedText}).
 */
final class NodeProbe {

    /** Name resolution, replaceable in tests (the system resolver by default). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String name) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final boolean allowPrivateHosts;
    private final Duration timeout;
    private final int defaultPort;
    private final Clock clock;
    private final NodeApiClient client;
    private final ObjectMapper lenient = new ObjectMapper();

    NodeProbe(Resolver resolver, boolean allowPrivateHosts, Duration timeout, int maxBodyBytes, int defaultPort, Clock clock) {
        this.resolver = resolver;
        this.allowPrivateHosts = allowPrivateHosts;
        this.timeout = timeout;
        this.defaultPort = defaultPort;
        this.clock = clock;
        this.client = new NodeApiClient(maxBodyBytes);
    }

    NodeFact probe(NodeRegistered node) {
        try {
            return probeOrFail(node);
        } catch (NodeApiClient.ProbeFailure f) {
            return unreachable(node, f.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(node, "unreachable: probe interrupted");
        } catch (RuntimeException e) {
            // Whatever a node does, its failure is its own fact: nothing escapes to the run.
            return unreachable(node, "invalid answer: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private NodeFact probeOrFail(NodeRegistered node) throws NodeApiClient.ProbeFailure, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = node.httpPort() == null ? defaultPort : node.httpPort();
        InetAddress address = address(node.host());
        String hostHeader = (node.host().indexOf(':') >= 0 && !node.host().startsWith("[")
                ? "[" + node.host() + "]" : node.host()) + ":" + port;
        JsonNode health = get(address, port, hostHeader, "/api/v1/health", deadline);
        if (health == null || !"up".equals(health.path("status").asText("").toLowerCase(Locale.ROOT))) {
            return unreachable(node, "health: /api/v1/health did not report status up");
        }
        JsonNode build = get(address, port, hostHeader, "/api/v1/build-information", deadline);
        if (build == null) {
            return unreachable(node, "build-information: /api/v1/build-information did not answer");
        }
        JsonNode roles = get(address, port, hostHeader, "/api/v1/roles", deadline);
        JsonNode aux = get(address, port, hostHeader, "/api/v1/auxiliary-details", deadline);
        NodeRoles declared = roles == null ? NodeRoles.NONE : new NodeRoles(
                roles.path("mixnode_enabled").asBoolean(false),
                roles.path("gateway_enabled").asBoolean(false),
                roles.path("network_requester_enabled").asBoolean(false)
                        && roles.path("ip_packet_router_enabled").asBoolean(false));
        boolean terms = aux != null && aux.path("accepted_operator_terms_and_conditions").asBoolean(false);
        return new NodeFact.NodeDescribed(node.nodeId(), clock.instant(), true,
                ReportedText.sanitize(build.path("binary_name").asText(""), ReportedText.MAX_BINARY_NAME),
                ReportedText.sanitize(build.path("build_version").asText(""), ReportedText.MAX_BUILD_VERSION),
                declared, terms);
    }

    /** The one address to connect to, after the host and (for a name) every resolved address passed the policy. */
    private InetAddress address(String host) throws NodeApiClient.ProbeFailure {
        HostPolicy.Verdict verdict = HostPolicy.classify(host);
        try {
            return switch (verdict) {
                case HostPolicy.Verdict.Invalid i -> throw new NodeApiClient.ProbeFailure("invalid host: " + i.reason());
                case HostPolicy.Verdict.NotPublic n when !allowPrivateHosts ->
                        throw new NodeApiClient.ProbeFailure("host not public: " + n.reason());
                case HostPolicy.Verdict.PublicAddress a -> InetAddress.getByAddress(a.address());
                case HostPolicy.Verdict.PublicName n -> checked(n.name(), resolver.resolve(n.name()));
                case HostPolicy.Verdict.NotPublic n -> checked(host, resolver.resolve(unbracketed(host)));
            };
        } catch (UnknownHostException e) {
            throw new NodeApiClient.ProbeFailure("unreachable: host does not resolve: " + e.getMessage());
        }
    }

    private InetAddress checked(String name, InetAddress[] resolved) throws NodeApiClient.ProbeFailure {
        if (resolved == null || resolved.length == 0) {
            throw new NodeApiClient.ProbeFailure("unreachable: host does not resolve");
        }
        if (!allowPrivateHosts) {
            for (InetAddress a : resolved) {
                if (HostPolicy.classifyAddress(a.getAddress()) instanceof HostPolicy.Verdict.NotPublic n) {
                    throw new NodeApiClient.ProbeFailure("host not public: " + name + " resolves to "
                            + a.getHostAddress() + ", " + n.reason());
                }
            }
        }
        return resolved[0];
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The JSON body of a 200 answer, or null for any other status or a body that is not JSON. */
    private JsonNode get(InetAddress address, int port, String hostHeader, String path, long deadline)
            throws NodeApiClient.ProbeFailure, InterruptedException {
        NodeApiClient.Answer answer = client.get(address, port, hostHeader, path, deadline);
        if (answer.status() != 200) {
            return null;
        }
        try {
            return lenient.readTree(answer.body());
        } catch (IOException e) {
            return null;
        }
    }

    private NodeFact unreachable(NodeRegistered node, String reason) {
        return new NodeFact.NodeUnreachable(node.nodeId(), clock.instant(), ReportedText.sanitize(reason, ReportedText.MAX_REASON));
    }
}
