package net.nym.tokenomics.ticketledger.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.quarkus.EventLogRuntime;
import net.nym.tokenomics.eventlog.quarkus.InboxChannels;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.ticketledger.application.LedgerWriter;
import net.nym.tokenomics.ticketledger.config.LedgerSettings;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.persistence.EpochClock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The ledger's inputs: the node registry from rewards-service (NodeBonded / NodeUnbonded -> RecordGateway) and the
 * epoch clock from selection-service (EpochStarted moves the clock, EpochEnded(e) closes usage through e). Each input
 * is applied in one transaction with its inbox record; everything else on those topics is ignored.
 *
 * <p>The records arrive on the Quarkus Messaging channel {@value #CHANNEL} (application.properties: topics, group id
 * {@value #CONSUMER}, dead-letter queue). The channel starts paused and is resumed once the index is rebuilt.
 */
@ApplicationScoped
public class LedgerInputConsumer {

    public static final String CONSUMER = "ticket-ledger-service";
    static final String CHANNEL = "ledger-inputs";
    /** The integration events {@link #handle} acts on; the consumer passes over every other type unread. */
    static final Set<String> HANDLED = IntegrationEvents.types(IntegrationEvents.NodeBonded.class,
            IntegrationEvents.NodeUnbonded.class, IntegrationEvents.EpochStarted.class, IntegrationEvents.EpochEnded.class);
    private static final Logger LOG = Logger.getLogger(LedgerInputConsumer.class);

    private final EventLogRuntime runtime;
    private final InboxChannels channels;
    private final ChannelRegistry channelRegistry;
    private final LedgerWriter writer;
    private final EpochClock epochClock;
    private final Clock clock;
    private final EventCodec codec = IntegrationEvents.codec();
    private final List<String> topics;
    private final boolean createTopics;

    public LedgerInputConsumer(EventLogRuntime runtime, InboxChannels channels, ChannelRegistry channelRegistry, LedgerWriter writer, EpochClock epochClock, Clock clock,
                               LedgerSettings settings,
                               @ConfigProperty(name = "topics.rewards") String rewardsTopic,
                               @ConfigProperty(name = "topics.selection") String selectionTopic) {
        this.runtime = runtime;
        this.channels = channels;
        this.channelRegistry = channelRegistry;
        this.writer = writer;
        this.epochClock = epochClock;
        this.clock = clock;
        this.topics = List.of(rewardsTopic, selectionTopic);
        this.createTopics = settings.createTopics();
    }

    void onStart(@Observes StartupEvent event) {
        writer.rebuildIndexIfBehindLog();
        writer.rebuildUsageIfBehindLog();
        if (createTopics) {
            ensureTopics();
        }
        channels.register(CHANNEL, CONSUMER, HANDLED, this::handle);
        channelRegistry.getPausable(CHANNEL).resume();
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
        switch (codec.decode(event)) {
            case IntegrationEvents.NodeBonded b -> nodeBonded(c, event, b);
            case IntegrationEvents.NodeUnbonded u -> writer.unbondGateway(c, u.nodeId(), CONSUMER, event.eventId());
            case IntegrationEvents.EpochStarted s -> epochClock.advanceTo(c, s.epochId());
            case IntegrationEvents.EpochEnded e -> {
                epochClock.advanceTo(c, e.epochId() + 1);
                writer.closeEpochsThrough(c, e.epochId(), CONSUMER, event.eventId());
            }
            default -> { }
        }
    }

    private void nodeBonded(Connection c, StoredEvent event, IntegrationEvents.NodeBonded b) throws SQLException {
        if (b.roles() != null && !b.roles().entry() && !b.roles().exit()) {
            return; // a mixnode-only node never redeems tickets
        }
        GatewayIdentity identity;
        try {
            identity = new GatewayIdentity(b.identityKey());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("NodeBonded(%d) ignored: identity key is not an ed25519 key: %s", b.nodeId(), e.getMessage());
            return;
        }
        writer.recordGateway(c, new LedgerCommand.RecordGateway(b.nodeId(), identity, true, clock.instant()),
                CONSUMER, event.eventId());
    }

    private void ensureTopics() {
        Properties p = new Properties();
        p.putAll(runtime.kafkaConfig());
        try (Admin admin = Admin.create(p)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("retention.ms", "-1"))))
                            .all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create topic %s: %s", topic, e.getCause().getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
