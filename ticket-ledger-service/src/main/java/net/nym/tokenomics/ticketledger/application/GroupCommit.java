package net.nym.tokenomics.ticketledger.application;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.ticketledger.application.LedgerWriter.BatchResult;
import net.nym.tokenomics.ticketledger.config.LedgerSettings;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongFunction;

/**
 * Group commit for ticket batches. Request threads parse, verify and rate-limit in parallel, then queue their batch
 * here and wait; one writer thread per instance takes everything queued (up to
 * {@code ticket-ledger.writer.max-group-batches}) and judges it in one transaction ({@link LedgerWriter#redeemGroup}):
 * one lock acquisition, one catch-up, one index insert, one event insert and one commit (one WAL flush) for the
 * whole group. Nobody waits on a timer: a group is whatever arrived while the previous one was committing, so a lone
 * batch commits at once and a busy ledger commits large groups.
 *
 * <p>A request is answered only after its group committed (or failed): durable before the response, as before. If a
 * group's transaction fails, nothing of it was stored and the state was not touched, so every batch is tried again
 * alone, in order: a fault tied to one batch (its serials disagreeing with the SQL index, say) fails only that
 * request, and a fault of the database fails each request with its own error, for the gateway to retry under the
 * same idempotency key.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private record Pending(LongFunction<LedgerCommand.RedeemTicketBatch> command, CompletableFuture<BatchResult> result) {
    }

    private final LedgerWriter writer;
    private final int maxGroup;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary groupSize;
    private Thread thread;
    private volatile boolean stopped;

    public GroupCommit(LedgerWriter writer, LedgerSettings settings, MeterRegistry meters) {
        this.writer = writer;
        this.maxGroup = settings.writer().maxGroupBatches();
        if (maxGroup < 1) {
            throw new IllegalArgumentException("ticket-ledger.writer.max-group-batches must be >= 1");
        }
        this.groupSize = DistributionSummary.builder("ticket_ledger_group_batches")
                .description("batches judged and committed in one writer transaction")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Queues a batch for the writer and waits for its group to commit; the writer's exceptions come back as they were. */
    public BatchResult redeem(LongFunction<LedgerCommand.RedeemTicketBatch> command) {
        Pending pending = new Pending(command, new CompletableFuture<>());
        ensureStarted();
        queue.add(pending);
        if (stopped) {
            failQueued();
        }
        try {
            return pending.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private synchronized void ensureStarted() {
        if (thread == null && !stopped) {
            thread = Thread.ofPlatform().name("ticket-ledger-writer").daemon(true).start(this::loop);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread t;
        synchronized (this) {
            stopped = true;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
        failQueued();
    }

    private void loop() {
        List<Pending> group = new ArrayList<>(maxGroup);
        while (!stopped) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(group, maxGroup - 1);
            commit(group);
            group.clear();
        }
        failQueued();
    }

    private void commit(List<Pending> group) {
        List<LongFunction<LedgerCommand.RedeemTicketBatch>> commands = new ArrayList<>(group.size());
        for (Pending p : group) {
            commands.add(p.command());
        }
        List<CompletableFuture<BatchResult>> results = commitGroup(commands);
        for (int i = 0; i < group.size(); i++) {
            CompletableFuture<BatchResult> pending = group.get(i).result();
            results.get(i).whenComplete((r, e) -> {
                if (e != null) {
                    pending.completeExceptionally(e);
                } else {
                    pending.complete(r);
                }
            });
        }
    }

    /**
     * Commits these batches as one group on the calling thread (the writer thread calls it with what it drained; the
     * writer lock serialises it with any other caller) and returns their results, all complete: on failure of the
     * group, each batch is tried alone and completes with its own result or error (see the class comment).
     */
    public List<CompletableFuture<BatchResult>> commitGroup(List<LongFunction<LedgerCommand.RedeemTicketBatch>> commands) {
        groupSize.record(commands.size());
        List<CompletableFuture<BatchResult>> out = new ArrayList<>(commands.size());
        try {
            for (BatchResult r : writer.redeemGroup(commands)) {
                out.add(CompletableFuture.completedFuture(r));
            }
            return out;
        } catch (Throwable groupFailure) {
            if (commands.size() == 1) {
                return List.of(CompletableFuture.failedFuture(groupFailure));
            }
            LOG.warnf("ticket ledger: a group of %d batches failed and stored nothing (%s); trying each alone",
                    commands.size(), groupFailure.toString());
        }
        for (LongFunction<LedgerCommand.RedeemTicketBatch> command : commands) {
            try {
                out.add(CompletableFuture.completedFuture(writer.redeemGroup(List.of(command)).getFirst()));
            } catch (Throwable alone) {
                out.add(CompletableFuture.failedFuture(alone));
            }
        }
        return out;
    }

    private void failQueued() {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.result().completeExceptionally(new IllegalStateException("the ticket ledger is shutting down"));
        }
    }
}
