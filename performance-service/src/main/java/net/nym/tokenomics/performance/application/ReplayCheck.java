package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceDecider.EpochRejection;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceLedger;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultColumns;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultPart;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Rebuilds the state from the log in a fresh fold and recomputes every published epoch from exactly the inputs it
 * was computed from (the log prefix of its recorded {@code inputs_event_count} events, or up to its
 * {@code inputs_up_to} position in logs written before the count was recorded); reports every epoch whose recomputed
 * result or digest differs from the published one, and whether the fold equals the live state's results.
 */
@ApplicationScoped
public class ReplayCheck {

    private static final Logger LOG = Logger.getLogger(ReplayCheck.class);
    private static final int PAGE = 2000;

    public record Mismatch(long epoch, String reason) { }

    public record Report(long eventsFolded, int epochsChecked, List<Mismatch> mismatches, Map<Long, String> digests) { }

    private final PerformanceApplication app;

    public ReplayCheck(PerformanceApplication app) {
        this.app = app;
    }

    /** Checks the service's own log. */
    public Report run() {
        return run(app.dataSource());
    }

    /**
     * Checks the event log in {@code log}: the service's own, or one rebuilt elsewhere (e.g. from Kafka into another
     * database). Epochs recorded with their inputs' event count are recomputed at that count, which a rebuilt log
     * keeps (its positions are new); older ones at their recorded position.
     */
    public Report run(DataSource log) {
        // Pass 1: the published results, their inputs' positions and the digests the integration events carry.
        TreeMap<Long, EpochPerformancePublished> published = new TreeMap<>();
        TreeMap<Long, String> integrationDigests = new TreeMap<>();
        PerformanceEvents.EpochResultAssembler assembler = new PerformanceEvents.EpochResultAssembler();
        LogPosition end = forEachEvent(log, LogPosition.START, null, e -> {
            switch (e.eventType()) {
                // both stored forms of a part decode to the part
                case EpochPerformanceResultColumns.TYPE, EpochPerformanceResultPart.TYPE -> assembler
                        .add(app.codec().decode(e, EpochPerformanceResultPart.class))
                        .ifPresent(p -> published.put(p.epoch(), p));
                case IntegrationEvents.EpochPerformanceComputed.TYPE -> {
                    var i = app.codec().decode(e, IntegrationEvents.EpochPerformanceComputed.class);
                    integrationDigests.put(i.epochId(), i.stateDigest());
                }
                default -> {
                    // the fold below reads every other event
                }
            }
        });

        // Pass 2: a fresh fold; each epoch is recomputed just before the first event past its inputs' position.
        List<EpochPerformancePublished> pending = new ArrayList<>(published.values());
        pending.sort(Comparator.comparing(EpochPerformancePublished::inputsUpTo));
        PerformanceState fresh = app.newState();
        PerformanceConfig config = app.config().scoring().performanceConfig();
        List<Mismatch> mismatches = new ArrayList<>();
        TreeMap<Long, String> digests = new TreeMap<>();
        int[] next = {0};
        Consumer<LogPosition> recomputeBefore = position -> {
            while (next[0] < pending.size() && inputsComplete(pending.get(next[0]), fresh, position)) {
                EpochPerformancePublished p = pending.get(next[0]++);
                verify(p, fresh, config, integrationDigests.get(p.epoch()), mismatches, digests);
            }
        };
        forEachEvent(log, LogPosition.START, end, e -> {
            recomputeBefore.accept(e.position());
            fresh.apply(e);
        });
        recomputeBefore.accept(null);

        // The fold's published results must equal the live state's (for the epochs both retain).
        Map<Long, EpochPerformancePublished> live = app.state().epochs();
        for (var entry : fresh.epochs().entrySet()) {
            EpochPerformancePublished l = live.get(entry.getKey());
            if (l != null && !l.equals(entry.getValue())) {
                mismatches.add(new Mismatch(entry.getKey(), "the fold's result differs from the live state's"));
            }
        }
        Report report = new Report(fresh.appliedEvents(), published.size(), mismatches, digests);
        if (mismatches.isEmpty()) {
            LOG.infof("replay check: %d events folded, %d epochs recomputed, all digests match", report.eventsFolded(),
                    report.epochsChecked());
        } else {
            LOG.warnf("replay check: %d epochs recomputed, first mismatch: epoch %d, %s", report.epochsChecked(),
                    mismatches.getFirst().epoch(), mismatches.getFirst().reason());
        }
        return report;
    }

    /** Whether the fold holds all of {@code p}'s inputs, before the event at {@code next} (null: the log's end). */
    private static boolean inputsComplete(EpochPerformancePublished p, PerformanceState fold, LogPosition next) {
        if (p.inputsEventCount() != null) {
            return next == null || fold.appliedEvents() >= p.inputsEventCount();
        }
        return next == null || p.inputsUpTo().compareTo(next) < 0;
    }

    private static void verify(EpochPerformancePublished p, PerformanceState fold, PerformanceConfig config,
                               String integrationDigest, List<Mismatch> mismatches, Map<Long, String> digests) {
        PerformanceState.EpochInputs inputs = fold.epochInputs(p.result().windowEnd(), config.window());
        if (p.inputsEventCount() != null ? inputs.eventCount() != p.inputsEventCount()
                : !inputs.position().equals(p.inputsUpTo())) {
            mismatches.add(new Mismatch(p.epoch(), "the fold stopped at " + inputs.position() + " after "
                    + inputs.eventCount() + " events, inputs were at " + p.inputsUpTo() + " after "
                    + p.inputsEventCount() + " events"));
            return;
        }
        var decision = EpochComputation.decide(p.epoch(), p.result().windowEnd(), inputs, EpochPerformanceLedger.EMPTY, config);
        if (!(decision instanceof Decision.Accepted<EpochPerformanceComputed, EpochRejection> a)) {
            mismatches.add(new Mismatch(p.epoch(), "recomputation was rejected: " + decision));
            return;
        }
        EpochPerformanceComputed recomputed = a.events().getFirst();
        String digest = EpochComputation.digest(recomputed);
        digests.put(p.epoch(), digest);
        if (!recomputed.equals(p.result())) {
            mismatches.add(new Mismatch(p.epoch(), "recomputed result differs from the published one"));
        } else if (!digest.equals(p.stateDigest())) {
            mismatches.add(new Mismatch(p.epoch(), "digest " + digest + " differs from the recorded " + p.stateDigest()));
        } else if (!digest.equals(integrationDigest)) {
            mismatches.add(new Mismatch(p.epoch(), "integration event digest " + integrationDigest + " differs from " + digest));
        }
    }

    /** Feeds the log in order from {@code from} up to and including {@code until} (null: to the end); returns the last position. */
    private LogPosition forEachEvent(DataSource log, LogPosition from, LogPosition until, Consumer<StoredEvent> action) {
        LogPosition at = from;
        while (true) {
            LogPosition after = at;
            List<StoredEvent> page = Transactions.inTransaction(log, c -> app.store().readAfter(c, after, PAGE));
            for (StoredEvent e : page) {
                if (until != null && e.position().compareTo(until) > 0) {
                    return at;
                }
                action.accept(e);
                at = e.position();
            }
            if (page.size() < PAGE) {
                return at;
            }
        }
    }
}
