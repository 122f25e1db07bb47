package net.nym.tokenomics.rewards.messaging;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.quarkus.InboxChannels;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.persistence.RecordedInput;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Consumes the epoch inputs: EpochEnded and RewardedSetSelected from selection, EpochPerformanceComputed from
 * performance, EpochUsageClosed from ticket-ledger. Each is recorded in the {@code epoch-inputs} stream in the same
 * transaction as its inbox record (a redelivery changes nothing); everything else on those topics is ignored. A
 * scheduled pass then closes every epoch whose inputs are complete, in epoch order.
 *
 * <p>The records arrive on the Quarkus Messaging channel {@value #CHANNEL} (application.properties: topics, group id
 * {@value #CONSUMER}, dead-letter queue). The channel starts paused and is resumed once the handler is registered.
 */
@ApplicationScoped
public class EpochInputConsumer {

    static final String CONSUMER = "rewards-service-epoch-inputs";
    static final String CHANNEL = "epoch-inputs";
    private static final Logger LOG = Logger.getLogger(EpochInputConsumer.class);

    /** The records {@link #handle} turns into inputs; the consumer passes over every other type unread. */
    static final Set<String> HANDLED = IntegrationEvents.types(IntegrationEvents.EpochEnded.class,
            IntegrationEvents.RewardedSetSelected.class, IntegrationEvents.EpochPerformanceComputed.class,
            IntegrationEvents.EpochUsageClosed.class);

    private final InboxChannels channels;
    private final ChannelRegistry channelRegistry;
    private final LedgerService ledger;
    private final EventCodec codec = IntegrationEvents.codec();
    private volatile boolean started;

    public EpochInputConsumer(InboxChannels channels, ChannelRegistry channelRegistry, LedgerService ledger) {
        this.channels = channels;
        this.channelRegistry = channelRegistry;
        this.ledger = ledger;
    }

    void onStart(@Observes StartupEvent event) {
        channels.register(CHANNEL, CONSUMER, HANDLED, this::handle);
        channelRegistry.getPausable(CHANNEL).resume();
        started = true;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    void consume(ConsumerRecord<String, byte[]> record) {
        channels.deliver(CHANNEL, record);
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
