package net.nym.tokenomics.selection.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.quarkus.EventLogRuntime;
import net.nym.tokenomics.eventlog.quarkus.InboxChannels;
import net.nym.tokenomics.eventlog.replay.KafkaLogImporter;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.config.SelectionConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Start-up: folds the log (initialising the clock on the very first start), then consumes rewards-service's and
 * performance-service's topics on the Quarkus Messaging channel {@value #CHANNEL} (application.properties: topics,
 * group id = {@code selection.consumer-name}, dead-letter queue; it starts paused and is resumed here). The scheduler sends {@code Tick(now)} from the injected clock in REAL and ACCELERATED
 * mode; in MANUAL mode epochs end only on the admin advance.
 */
@ApplicationScoped
public class SelectionStartup {

    static final String CHANNEL = "selection-inputs";
    private static final Logger LOG = Logger.getLogger(SelectionStartup.class);

    private final SelectionService service;
    private final EventLogRuntime runtime;
    private final InboxChannels channels;
    private final ChannelRegistry channelRegistry;
    private final Clock clock;
    private final boolean rebuildFromKafka;
    private final boolean verifyOnStart;

    @Inject
    public SelectionStartup(SelectionService service, EventLogRuntime runtime, InboxChannels channels,
                            ChannelRegistry channelRegistry, Clock clock, SelectionConfig config) {
        this(service, runtime, channels, channelRegistry, clock, config.rebuildFromKafka(), config.verifyOnStart());
    }

    SelectionStartup(SelectionService service, EventLogRuntime runtime, InboxChannels channels,
                     ChannelRegistry channelRegistry, Clock clock, boolean rebuildFromKafka, boolean verifyOnStart) {
        this.service = service;
        this.runtime = runtime;
        this.channels = channels;
        this.channelRegistry = channelRegistry;
        this.clock = clock;
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
        channels.register(CHANNEL, service.settings().consumerName(), SelectionService.INPUT_TYPES, service::onInput);
    }

    /**
     * Consumes once the log is folded ({@link #onStart}) and Quarkus Messaging has wired the channel (its start-up
     * observer has priority 1000, the same as {@link #onStart}, so the resume must come after both).
     */
    void resumeInputs(@Observes @Priority(1500) StartupEvent event) {
        channelRegistry.getPausable(CHANNEL).resume();
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    void consume(ConsumerRecord<String, byte[]> record) {
        channels.deliver(CHANNEL, record);
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
