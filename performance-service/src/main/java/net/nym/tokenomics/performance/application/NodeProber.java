package net.nym.tokenomics.performance.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.performance.config.PerformanceServiceConfig;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionDecider;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionDecider.RecordProbeResult;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Probes every bonded node's self-described API (B.6) and records what it found as {@code NodeDescribed} or
 * {@code NodeUnreachable} (the reason says unreachable, invalid answer, or host not public). Unlike nym-api it tries
 * only {@code http://host:port} (the bonded port, else 8080) and does not check the signed host information.
 *
 * <p>Nodes are untrusted: each probe is bounded ({@link NodeProbe}: host policy, one deadline, byte caps), at most
 * {@code performance.prober.concurrency} run at once, and the run as a whole stops at
 * {@code performance.prober.run-timeout}: nodes not probed by then are left as they were (counted as skipped). One
 * node's probe or record failing never affects another node's.
 */
@ApplicationScoped
public class NodeProber {

    private static final Logger LOG = Logger.getLogger(NodeProber.class);

    /** @param skipped nodes with no new fact: refused by the decider, failed to record, or not probed in time */
    public record ProbeRun(int probed, int described, int unreachable, int skipped) { }

    private final PerformanceApplication app;
    private final NodeProbe probe;
    private final ReentrantLock running = new ReentrantLock();

    public NodeProber(PerformanceApplication app, Clock clock,
                      @ConfigProperty(name = "nym.nodes.allow-private-hosts", defaultValue = "false") boolean allowPrivateHosts) {
        this.app = app;
        PerformanceServiceConfig.Prober config = app.config().prober();
        this.probe = new NodeProbe(InetAddress::getAllByName, allowPrivateHosts, config.timeout(), config.maxBodyBytes(),
                config.defaultPort(), clock);
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
            long runDeadline = System.nanoTime() + app.config().prober().runTimeout().toNanos();
            Semaphore permits = new Semaphore(Math.max(1, app.config().prober().concurrency()));
            List<Future<NodeFact>> futures = new ArrayList<>(nodes.size());
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            int described = 0;
            int unreachable = 0;
            int skipped = 0;
            try {
                for (NodeRegistered node : nodes) {
                    futures.add(executor.submit(() -> {
                        if (!permits.tryAcquire(Math.max(0, runDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                            return null;
                        }
                        try {
                            return probe.probe(node);
                        } finally {
                            permits.release();
                        }
                    }));
                }
                for (int i = 0; i < futures.size(); i++) {
                    NodeFact fact = await(futures.get(i), nodes.get(i), runDeadline);
                    if (fact == null || !recordSafely(fact)) {
                        skipped++;
                    } else if (fact instanceof NodeFact.NodeDescribed) {
                        described++;
                    } else {
                        unreachable++;
                    }
                }
            } finally {
                // Probes still running past the run's deadline are interrupted (their sockets close), not waited for.
                executor.shutdownNow();
            }
            ProbeRun run = new ProbeRun(nodes.size(), described, unreachable, skipped);
            LOG.infof("prober: %d bonded nodes probed, %d described, %d unreachable, %d not recorded", run.probed(),
                    run.described(), run.unreachable(), run.skipped());
            return run;
        } finally {
            running.unlock();
        }
    }

    /** The probe's fact, or null when the run's deadline passed first. */
    private static NodeFact await(Future<NodeFact> future, NodeRegistered node, long runDeadline) {
        try {
            return future.get(Math.max(0, runDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warnf("prober: node %d not probed before the run's deadline", node.nodeId());
            return null;
        } catch (ExecutionException e) {
            LOG.warnf("prober: node %d: probe failed: %s", node.nodeId(), e.getCause());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return null;
        }
    }

    private boolean recordSafely(NodeFact fact) {
        try {
            return record(fact);
        } catch (RuntimeException e) {
            LOG.warnf("prober: node %d: fact not recorded: %s", fact.nodeId(), e.toString());
            return false;
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
}
