package net.nym.tokenomics.simulator.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.nym.tokenomics.audit.TopicLog;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.persistence.SelectionEvents;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

/** Deliberate alterations of a run's topics (for the audit's tests), and copies of topics onto Kafka. */
final class Alteration {

    private Alteration() {
    }

    /** One node's performance (the first with a non-zero one) in the published result of {@code epoch}. */
    static TopicLog performanceOfOneNode(TopicLog performance, long epoch) {
        return alterOne(performance, e -> e.eventType().equals(IntegrationEvents.EpochPerformanceComputed.TYPE)
                && tree(e).get("epoch_id").asLong() == epoch, e -> {
            ObjectNode j = (ObjectNode) tree(e);
            for (JsonNode n : j.get("nodes")) {
                String p = n.get("performance").asText();
                if (!Decimal.parse(p).isZero()) {
                    ((ObjectNode) n).put("performance", p.equals("0.5") ? "0.4" : "0.5");
                    return j.toString();
                }
            }
            throw new IllegalStateException("no node with a performance in epoch " + epoch);
        });
    }

    /** The {@code distributed} total of rewards-service's own record of closing {@code epoch}, one atom more. */
    static TopicLog distributedOfEpoch(TopicLog rewards, long epoch) {
        return alterOne(rewards, e -> e.eventType().equals("ledger.EpochRewarded") && tree(e).get("epoch_id").asLong() == epoch,
                e -> {
                    ObjectNode j = (ObjectNode) tree(e);
                    j.put("distributed", Decimal.parse(j.get("distributed").asText()).plus(Decimal.parse("0.000000000000000001")).toString());
                    return j.toString();
                });
    }

    /**
     * A balance event (issue 15): the first transfer between accounts recorded during {@code epoch}, one uNYM more. It
     * still moves tokens without creating any, but the balances it leaves are not those the closing of {@code epoch}
     * published (their hash is in the state digest).
     */
    static TopicLog transferDuring(TopicLog rewards, long epoch) {
        long[] current = {0};
        return alterOne(rewards, e -> {
            if (e.eventType().equals("ledger.EpochAdvanced")) {
                current[0] = tree(e).get("closed_epoch_id").asLong() + 1;
                return false;
            }
            return current[0] == epoch && e.eventType().equals("ledger.TokensTransferred");
        }, e -> {
            ObjectNode j = (ObjectNode) tree(e);
            j.put("amount", new java.math.BigInteger(j.get("amount").asText()).add(java.math.BigInteger.ONE).toString());
            return j.toString();
        });
    }

    /** The genesis allocation with one uNYM more in its first balance: a token from nowhere (issue 15). */
    static TopicLog genesisBalance(TopicLog rewards) {
        return alterOne(rewards, e -> e.eventType().equals("ledger.GenesisAllocated"), e -> {
            ObjectNode j = (ObjectNode) tree(e);
            ObjectNode first = (ObjectNode) j.get("balances").get(0);
            first.put("amount", new java.math.BigInteger(first.get("amount").asText()).add(java.math.BigInteger.ONE).toString());
            return j.toString();
        });
    }

    /** The weight of the first candidate in the proof of {@code epoch}, one atom more; the proof's digest is kept. */
    static TopicLog weightInProof(TopicLog selection, long epoch) {
        return alterOne(selection, e -> e.eventType().equals(SelectionEvents.REWARDED_SET_SELECTED)
                && ((EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(e)).epochId() == epoch, e -> {
            SelectionProof p = ((EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(e)).proof();
            List<Candidate> candidates = new ArrayList<>(p.candidates());
            Candidate c = candidates.getFirst();
            candidates.set(0, new Candidate(c.nodeId(), c.owner(), c.roles(), c.stake(), c.saturation(), c.performance(),
                    c.weight().plus(Decimal.parse("0.000000000000000001"))));
            SelectionProof altered = new SelectionProof(p.epochId(), p.seedInput(), p.seed(), p.sizes(), p.stakeSaturationPoint(),
                    candidates, p.previousLayers(), p.result(), p.shortfall(), p.digest());
            NewEvent encoded = SelectionEvents.encodeClock(e.eventId(), new EpochClockEvent.RewardedSetSelected(epoch, altered));
            if (!encoded.eventType().equals(e.eventType()) || encoded.schemaVersion() != e.schemaVersion()) {
                throw new IllegalStateException("the proof re-encodes as " + encoded.eventType() + " v" + encoded.schemaVersion());
            }
            return encoded.payload();
        });
    }

    /** A copy of {@code log} written to a new topic {@code topic} (3 partitions), with the same log-seq numbers. */
    static void copy(TopicLog log, String topic) throws Exception {
        try (Admin admin = Admin.create(LocalInfra.kafkaConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("retention.ms", "-1",
                    "max.message.bytes", String.valueOf(32 * 1024 * 1024))))).all().get();
        }
        Map<String, Object> config = new HashMap<>(LocalInfra.kafkaConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 * 1024 * 1024);
        // One request in flight: the new topic's first batches meet NOT_LEADER_OR_FOLLOWER while its partitions are
        // still being placed, and with five in flight the batches behind a retried one came back
        // OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout dropped them, leaving gaps in the copy.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        // Every send is awaited: a record the producer gave up on (say, metadata of the new topic not yet everywhere)
        // would otherwise leave a silent gap that the audit then reports as a defect of the run itself.
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (TopicLog.Sequenced s : log.events()) {
                sent.add(producer.send(KafkaEnvelope.toRecord(topic, Math.floorMod(s.event().streamId().hashCode(), 3), s.event(), s.seq())));
            }
            producer.flush();
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("copy to " + topic + ": " + log.events().get(i).describe() + " not written", e.getCause());
                }
            }
        }
    }

    /**
     * What each epoch's first published {@code type} says, read from the run's topic of its producer: the proof digest
     * of a rewarded set; the per-node results of a performance or usage result, without what depends on the wall
     * clock of the run (the measurement window, and the state digest, which covers the measurements' timestamps).
     */
    static SortedMap<Long, String> resultsByEpoch(String topicPrefix, String type) {
        String producer = switch (type) {
            case IntegrationEvents.RewardedSetSelected.TYPE -> "selection";
            case IntegrationEvents.EpochPerformanceComputed.TYPE -> "performance";
            case IntegrationEvents.EpochUsageClosed.TYPE -> "ticket-ledger";
            default -> throw new IllegalArgumentException(type);
        };
        SortedMap<Long, String> out = new TreeMap<>();
        TopicLog log = TopicLog.read(LocalInfra.kafkaConfig(), topicPrefix + "nym." + producer + ".events");
        for (TopicLog.Sequenced s : log.events()) {
            if (s.event().eventType().equals(type)) {
                ObjectNode j = (ObjectNode) tree(s.event());
                String result = type.equals(IntegrationEvents.RewardedSetSelected.TYPE) ? j.get("proof_digest").asText()
                        : j.without(List.of("state_digest", "window_start", "window_end")).toString();
                out.putIfAbsent(j.get("epoch_id").asLong(), result);
            }
        }
        return out;
    }

    private static TopicLog alterOne(TopicLog log, Predicate<StoredEvent> which, Function<StoredEvent, String> newPayload) {
        List<TopicLog.Sequenced> events = new ArrayList<>();
        int altered = 0;
        for (TopicLog.Sequenced s : log.events()) {
            StoredEvent e = s.event();
            if (altered == 0 && which.test(e)) {
                e = new StoredEvent(e.globalPosition(), e.transactionId(), e.eventId(), e.streamId(), e.streamVersion(),
                        e.eventType(), e.schemaVersion(), newPayload.apply(e), e.metadata(), e.recordedAt());
                altered++;
            }
            events.add(new TopicLog.Sequenced(s.seq(), e));
        }
        if (altered != 1) {
            throw new IllegalStateException("nothing to alter in " + log.topic());
        }
        return new TopicLog(log.topic(), events, log.defects());
    }

    private static JsonNode tree(StoredEvent e) {
        try {
            return Json.mapper().readTree(e.payload());
        } catch (Exception ex) {
            throw new IllegalStateException("unreadable " + e.describe(), ex);
        }
    }
}
