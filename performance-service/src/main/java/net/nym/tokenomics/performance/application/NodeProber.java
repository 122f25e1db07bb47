package net.nym.tokenomics.performance.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionDecider;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionDecider.RecordProbeResult;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Probes every bonded node's self-described API (B.6) with a timeout and bounded concurrency, and records what it
 * found as {@code NodeDescribed} or {@code NodeUnreachable}. Unlike nym-api it tries only {@code http://host:port}
 * (the bonded port, else 8080) and does not check the signed host information.
 */
@ApplicationScoped
public class NodeProber {

    private static final Logger LOG = Logger.getLogger(NodeProber.class);

    public record ProbeRun(int probed, int described, int unreachable, int skipped) { }

    private final PerformanceApplication app;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper lenient = new ObjectMapper();
    private final ReentrantLock running = new ReentrantLock();

    public NodeProber(PerformanceApplication app, Clock clock) {
        this.app = app;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(app.config().prober().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Scheduled(every = "${performance.prober.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (app.config().prober().enabled()) {
            probeAll();
        }
    }

    /** One run over all bonded nodes; runs are serialised (a triggered run waits for a scheduled one). */
    public ProbeRun probeAll() {
        running.lock();
        try {
            List<NodeRegistered> nodes = app.state().bondedRegistrations();
            Semaphore permits = new Semaphore(Math.max(1, app.config().prober().concurrency()));
            List<Future<NodeFact>> futures = new ArrayList<>(nodes.size());
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (NodeRegistered node : nodes) {
                    futures.add(executor.submit(() -> {
                        permits.acquire();
                        try {
                            return probe(node);
                        } finally {
                            permits.release();
                        }
                    }));
                }
            }
            int described = 0;
            int unreachable = 0;
            int skipped = 0;
            for (Future<NodeFact> f : futures) {
                NodeFact fact;
                try {
                    fact = f.get();
                } catch (Exception e) {
                    skipped++;
                    continue;
                }
                if (!record(fact)) {
                    skipped++;
                } else if (fact instanceof NodeFact.NodeDescribed) {
                    described++;
                } else {
                    unreachable++;
                }
            }
            ProbeRun run = new ProbeRun(nodes.size(), described, unreachable, skipped);
            LOG.infof("prober: %d bonded nodes probed, %d described, %d unreachable, %d not recorded", run.probed(),
                    run.described(), run.unreachable(), run.skipped());
            return run;
        } finally {
            running.unlock();
        }
    }

    /** Records one fact; false when the decider refuses it (not after the node's latest observation). */
    public boolean record(NodeFact fact) {
        Decision<Void> decision = app.decide(PerformanceEvents.selfDescriptionStream(fact.nodeId()),
                state -> PerformanceApplication.then(SelfDescriptionDecider.decide(new RecordProbeResult(fact),
                                state.selfDescriptions(fact.nodeId())),
                        events -> Decision.accept(List.of(app.pending(UUID.randomUUID(), events.getFirst())), null)));
        if (decision instanceof Decision.Rejected<Void> r) {
            LOG.debugf("prober: %s: %s", r.rejection().field(), r.rejection().reason());
            return false;
        }
        return true;
    }

    NodeFact probe(NodeRegistered node) {
        int port = node.httpPort() == null ? app.config().prober().defaultPort() : node.httpPort();
        String base = "http://" + hostForUri(node.host()) + ":" + port;
        try {
            JsonNode health = get(base + "/api/v1/health");
            if (health == null || !"up".equals(health.path("status").asText("").toLowerCase(Locale.ROOT))) {
                return unreachable(node, "health: " + base + "/api/v1/health did not report status up");
            }
            JsonNode build = get(base + "/api/v1/build-information");
            if (build == null) {
                return unreachable(node, "build-information: " + base + " did not answer");
            }
            JsonNode roles = get(base + "/api/v1/roles");
            JsonNode aux = get(base + "/api/v1/auxiliary-details");
            NodeRoles declared = roles == null ? NodeRoles.NONE : new NodeRoles(
                    roles.path("mixnode_enabled").asBoolean(false),
                    roles.path("gateway_enabled").asBoolean(false),
                    roles.path("network_requester_enabled").asBoolean(false)
                            && roles.path("ip_packet_router_enabled").asBoolean(false));
            boolean terms = aux != null && aux.path("accepted_operator_terms_and_conditions").asBoolean(false);
            return new NodeFact.NodeDescribed(node.nodeId(), clock.instant(), true,
                    build.path("binary_name").asText(""), build.path("build_version").asText(""), declared, terms);
        } catch (IOException e) {
            return unreachable(node, base + ": " + e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(node, base + ": probe interrupted");
        } catch (IllegalArgumentException e) {
            return unreachable(node, "host: " + e.getMessage());
        }
    }

    private NodeFact unreachable(NodeRegistered node, String reason) {
        return new NodeFact.NodeUnreachable(node.nodeId(), clock.instant(), reason);
    }

    /** The JSON body of a 200 answer, or null for any other status or a body that is not JSON. */
    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(app.config().prober().timeout())
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            return null;
        }
        try {
            return lenient.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static String hostForUri(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("node has no host");
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
