package net.nym.tokenomics.rewards.messaging;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.quarkus.EventLogRuntime;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.persistence.RecordedInput;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Consumes the epoch inputs: EpochEnded and RewardedSetSelected from selection, EpochPerformanceComputed from
 * performance, EpochUsageClosed from ticket-ledger. Each is recorded in the {@code epoch-inputs} stream in the same
 * transaction as its inbox record (a redelivery changes nothing); everything else on those topics is ignored. A
 * scheduled pass (and each poll) then closes every epoch whose inputs are complete, in epoch order.
 */
@ApplicationScoped
public class EpochInputConsumer {

    static final String CONSUMER = "rewards-service-epoch-inputs";
    private static final Logger LOG = Logger.getLogger(EpochInputConsumer.class);

    /** The records {@link #handle} turns into inputs; the consumer passes over every other type unread. */
    static final Set<String> HANDLED = IntegrationEvents.types(IntegrationEvents.EpochEnded.class,
            IntegrationEvents.RewardedSetSelected.class, IntegrationEvents.EpochPerformanceComputed.class,
            IntegrationEvents.EpochUsageClosed.class);

    private final EventLogRuntime runtime;
    private final LedgerService ledger;
    private final List<String> topics;
    private final EventCodec codec = IntegrationEvents.codec();
    private volatile boolean started;

    public EpochInputConsumer(EventLogRuntime runtime, LedgerService ledger,
                              @ConfigProperty(name = "topics.selection") String selection,
                              @ConfigProperty(name = "topics.performance") String performance,
                              @ConfigProperty(name = "topics.ticket-ledger") String ticketLedger) {
        this.runtime = runtime;
        this.ledger = ledger;
        this.topics = List.of(selection, performance, ticketLedger);
    }

    void onStart(@Observes StartupEvent event) {
        runtime.startConsumer(CONSUMER, topics, HANDLED, this::handle);
        started = true;
    }

    void handle(Connection c, StoredEvent event) throws SQLException {
        if (!HANDLED.contains(event.eventType())) {
            return;
        }
        RecordedInput input = switch (codec.decode(event)) {
            case IntegrationEvents.EpochEnded e -> new RecordedInput.EpochEndedRecorded(event.eventId(), e);
            case IntegrationEvents.RewardedSetSelected r -> new RecordedInput.RewardedSetRecorded(event.eventId(), r);
            case IntegrationEvents.EpochPerformanceComputed p -> new RecordedInput.PerformanceRecorded(event.eventId(), p);
            case IntegrationEvents.EpochUsageClosed u -> new RecordedInput.UsageRecorded(event.eventId(), u);
            default -> null;
        };
        if (input != null && ledger.recordInput(c, event, input, CONSUMER)) {
            LOG.debugf("recorded %s for epoch %d", event.eventType(), input.epochId());
        }
    }

    @Scheduled(every = "${rewards.rewarder-poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void closeReadyEpochs() {
        if (started) {
            ledger.closeReadyEpochs();
        }
    }
}
