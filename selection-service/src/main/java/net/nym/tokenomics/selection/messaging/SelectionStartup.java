package net.nym.tokenomics.selection.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.quarkus.EventLogRuntime;
import net.nym.tokenomics.eventlog.replay.KafkaLogImporter;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.config.SelectionConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Start-up: folds the log (initialising the clock on the very first start), then consumes rewards-service's and
 * performance-service's topics. The scheduler sends {@code Tick(now)} from the injected clock in REAL and ACCELERATED
 * mode; in MANUAL mode epochs end only on the admin advance.
 */
@ApplicationScoped
public class SelectionStartup {

    private static final Logger LOG = Logger.getLogger(SelectionStartup.class);

    private final SelectionService service;
    private final EventLogRuntime runtime;
    private final Clock clock;
    private final String rewardsTopic;
    private final String performanceTopic;
    private final boolean rebuildFromKafka;
    private final boolean verifyOnStart;

    @Inject
    public SelectionStartup(SelectionService service, EventLogRuntime runtime, Clock clock,
                            @ConfigProperty(name = "topics.rewards") String rewardsTopic,
                            @ConfigProperty(name = "topics.performance") String performanceTopic,
                            SelectionConfig config) {
        this(service, runtime, clock, rewardsTopic, performanceTopic, config.rebuildFromKafka(), config.verifyOnStart());
    }

    SelectionStartup(SelectionService service, EventLogRuntime runtime, Clock clock,
                     String rewardsTopic, String performanceTopic, boolean rebuildFromKafka, boolean verifyOnStart) {
        this.service = service;
        this.runtime = runtime;
        this.clock = clock;
        this.rewardsTopic = rewardsTopic;
        this.performanceTopic = performanceTopic;
        this.rebuildFromKafka = rebuildFromKafka;
        this.verifyOnStart = verifyOnStart;
    }

    /**
     * Runs before the event-log runtime starts the relay (lower priority value), so that a rebuild from Kafka has
     * restored the relay checkpoint before the relay first reads the log.
     */
    void onStart(@Observes @Priority(1000) StartupEvent event) {
        if (rebuildFromKafka) {
            rebuildFromKafka();
        }
        if (verifyOnStart) {
            SelectionService.LogVerification check = service.verifyLog();
            if (check.firstMismatch().isPresent()) {
                throw new IllegalStateException("the log does not reproduce its selections: " + check.firstMismatch().get());
            }
            LOG.infof("log verified: %d events, %d selections recomputed with identical digests", check.events(),
                    check.selectionsVerified());
        }
        service.start(clock.instant());
        runtime.startConsumer(service.settings().consumerName(), List.of(rewardsTopic, performanceTopic),
                SelectionService.INPUT_TYPES, service::onInput);
    }

    private void rebuildFromKafka() {
        long existing = Transactions.inTransaction(runtime.dataSource(), new EventStore()::count);
        if (existing != 0) {
            LOG.warnf("selection.rebuild-from-kafka ignored: the event log is not empty (%d events)", existing);
            return;
        }
        KafkaLogImporter.Result imported = new KafkaLogImporter().importTopic(runtime.dataSource(), runtime.kafkaConfig(),
                runtime.config().topic(), runtime.config().relayName());
        LOG.infof("rebuilt from Kafka topic %s: %d events, %d inbox entries, in %s", runtime.config().topic(),
                imported.events(), imported.inboxEntries(), imported.took());
        SelectionService.LogVerification check = service.verifyLog();
        if (check.firstMismatch().isPresent()) {
            throw new IllegalStateException("the rebuilt log does not reproduce its selections: " + check.firstMismatch().get());
        }
        LOG.infof("rebuilt log verified: %d selections recomputed with identical digests", check.selectionsVerified());
    }

    @Scheduled(every = "${selection.clock.tick-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        // before start-up has folded the log this reads it (uninitialised on a fresh database: no tick)
        EpochClockState state = service.view().clock();
        ClockMode mode = switch (state) {
            case EpochClockState.Uninitialized u -> ClockMode.MANUAL;
            case EpochClockState.Running r -> r.config().mode();
            case EpochClockState.AwaitingRewardedSet a -> ClockMode.MANUAL; // a tick changes nothing while waiting
        };
        if (mode == ClockMode.MANUAL) {
            return;
        }
        try {
            service.tick(clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "clock tick failed; retried at the next tick");
        }
    }
}
