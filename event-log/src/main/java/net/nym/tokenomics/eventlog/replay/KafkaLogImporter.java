package net.nym.tokenomics.eventlog.replay;

import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import net.nym.tokenomics.eventlog.store.EventLogException;
import net.nym.tokenomics.eventlog.store.LogPosition;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds a service's event log from its own Kafka topic alone, into an empty database: reads every partition from
 * offset 0 up to the end offsets seen at start, merges the partitions back into log order by the {@code log-seq}
 * header, and re-inserts the events (same ids, streams, versions, payloads, metadata, record times). It also restores
 * what goes with the log: the inbox (from each event's causation metadata, so input events that caused them are not
 * applied again) and the relay checkpoint (the imported events are already on Kafka). Projections are then rebuilt from
 * the log.
 *
 * <p>The events are inserted in transactions of about {@value #EVENTS_PER_TRANSACTION} on one connection, one after another:
 * they get fresh positions in log order and the importing transactions' ids, so the rebuilt log reads back in the
 * published order and sorts before anything appended later. Transactions are kept that short because readers of every
 * log on the same PostgreSQL server wait for the oldest running transaction (see {@code EventStore.readAfter}); one
 * transaction for the whole import would stall the other services' relays and projections for as long as it runs. The
 * last transaction also writes the relay checkpoint, so the end of the log and the checkpoint commit together.
 *
 * <p>How it goes fast: this thread fetches from Kafka and merges by the {@code log-seq} header alone; chunks of merged
 * records are decoded in parallel (streaming JSON, no data binding) straight into PostgreSQL's binary COPY format; one
 * writer thread streams them, in order, into {@code COPY event_log FROM STDIN}. The inbox pairs of a transaction go by
 * COPY into a temporary table and from there into {@code inbox} with one statement.
 */
public final class KafkaLogImporter {

    private static final Logger LOG = Logger.getLogger(KafkaLogImporter.class);
    /** Merged records decoded by one task: large enough that the hand-over between threads costs little per event. */
    private static final int DECODE_CHUNK = 2_000;
    /** Decoded chunks waiting for the writer: decoding stays ahead without holding the whole topic in memory. */
    private static final int CHUNKS_IN_FLIGHT = 16;
    private static final int EVENTS_PER_TRANSACTION = 25_000;
    private static final int FETCH_BYTES_PER_PARTITION = 16 << 20;
    private static final int MAX_QUEUED_PER_PARTITION = 100_000;
    private static final int FETCH_BYTES = 64 << 20;

    private static final String COPY_EVENTS = "COPY event_log (event_id, stream_id, stream_version, event_type, "
            + "schema_version, payload, metadata, recorded_at) FROM STDIN (FORMAT binary)";
    private static final int EVENT_FIELDS = 8;
    private static final String INBOX_TEMP = "kafka_import_inbox";

    /**
     * Where the time went, wall-clock per stage, summed over the threads that run it (decoding runs on several, so the
     * stages can add up to more than the import took; on a busy machine each includes time spent waiting for a core):
     * fetching from Kafka (inside {@code poll}), merging partitions, decoding envelopes into COPY rows, and the database
     * work (COPY, inbox, checkpoint, commits). {@code mergeWaitedForInsert} is how long merging was held back because
     * the writer had enough queued: when it is large, the database is the bottleneck.
     */
    public record Stages(Duration kafkaFetch, Duration merge, Duration decode, Duration insert, Duration mergeWaitedForInsert) {

        @Override
        public String toString() {
            return "kafka fetch " + kafkaFetch.toMillis() + " ms, merge " + merge.toMillis() + " ms, decode "
                    + decode.toMillis() + " ms, insert " + insert.toMillis() + " ms, merge waited for insert "
                    + mergeWaitedForInsert.toMillis() + " ms";
        }
    }

    public record Result(long events, long inboxEntries, Duration took, Stages stages) { }

    /**
     * A decoded chunk of merged records, in order: event rows, the inbox rows their causation gives, and where each row
     * came from (so that a row PostgreSQL refuses can be named by its record).
     */
    private record Chunk(BinaryCopyRows events, BinaryCopyRows inbox, List<ConsumerRecord<byte[], byte[]>> sources, boolean last) {
        static final Chunk END = new Chunk(null, null, null, true);
    }

    /** Where PostgreSQL says a COPY failed: "COPY event_log, line 17, column payload" (binary format counts rows as lines). */
    private static final Pattern COPY_LINE = Pattern.compile("COPY event_log, line (\\d+)");

    private static final Future<Chunk> END = CompletableFuture.completedFuture(Chunk.END);

    private final int eventsPerTransaction;
    private final int decodeChunk;

    public KafkaLogImporter() {
        this(EVENTS_PER_TRANSACTION, DECODE_CHUNK);
    }

    /** Small transactions and chunks let a test cross their boundaries with a small log. */
    KafkaLogImporter(int eventsPerTransaction, int decodeChunk) {
        if (eventsPerTransaction < 1 || decodeChunk < 1) {
            throw new IllegalArgumentException("eventsPerTransaction and decodeChunk must be positive");
        }
        this.eventsPerTransaction = eventsPerTransaction;
        this.decodeChunk = decodeChunk;
    }

    public Result importTopic(DataSource dataSource, Map<String, Object> kafkaConfig, String topic, String relayName) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Result r = importInto(c, kafkaConfig, topic, relayName, start);
                LOG.infof("imported %d events (%d inbox entries) from %s in %d ms (%s)", r.events(), r.inboxEntries(), topic,
                        r.took().toMillis(), r.stages());
                return r;
            } catch (Throwable t) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    t.addSuppressed(rollbackFailure);
                }
                throw t;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new EventLogException("rebuild from Kafka failed: " + e.getMessage(), e);
        }
    }

    private Result importInto(Connection c, Map<String, Object> kafkaConfig, String topic, String relayName, long start)
            throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM event_log")) {
            rs.next();
            long existing = rs.getLong(1);
            if (existing != 0) {
                throw new IllegalStateException("rebuild from Kafka needs an empty event log; this one has " + existing + " events");
            }
        }
        c.commit();
        int decoders = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService decodePool = Executors.newFixedThreadPool(decoders,
                r -> Thread.ofPlatform().name("kafka-import-decode").daemon(true).unstarted(r));
        ExecutorService writerThread = Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().name("kafka-import-copy").daemon(true).unstarted(r));
        BlockingQueue<Future<Chunk>> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        Writer writer = new Writer(c, queue, eventsPerTransaction);
        Future<?> writing = writerThread.submit(() -> {
            writer.run();
            return null;
        });
        AtomicLong decodeNanos = new AtomicLong();
        Merged merged;
        try {
            merged = readAndMerge(kafkaConfig, topic, records -> decodePool.submit(() -> decode(records, decodeNanos)), queue, writing);
            hand(queue, END, writing);
            result(writing);
        } catch (Throwable e) {
            // The writer must be off the connection before the caller rolls back on it.
            writer.abort();
            queue.clear();
            queue.offer(END);
            try {
                writing.get(1, TimeUnit.MINUTES);
            } catch (ExecutionException writerFailure) {
                if (writerFailure.getCause() != e && !(writerFailure.getCause() instanceof CancellationException)) {
                    e.addSuppressed(writerFailure.getCause());
                }
            } catch (InterruptedException | TimeoutException writerStuck) {
                e.addSuppressed(writerStuck);
            }
            if (writer.committedEvents > 0) {
                LOG.errorf("rebuild from Kafka of %s failed after %d events were committed: the database must be emptied "
                        + "(recreated) before the rebuild is run again", topic, writer.committedEvents);
            }
            throw e;
        } finally {
            decodePool.shutdownNow();
            writerThread.shutdownNow();
        }
        // The writer left the last transaction open: the checkpoint commits with the end of the log.
        long t0 = System.nanoTime();
        LogPosition last = lastPosition(c);
        if (last != null) {
            OutboxRelay.writeCheckpoint(c, relayName, last, merged.lastSeq());
        }
        c.commit();
        long insertNanos = writer.busyNanos + (System.nanoTime() - t0);
        if (writer.events != merged.events()) {
            throw new IllegalStateException("rebuild from Kafka: merged " + merged.events() + " events but inserted " + writer.events);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Stages stages = new Stages(Duration.ofNanos(merged.fetchNanos()), Duration.ofNanos(merged.mergeNanos()),
                Duration.ofNanos(decodeNanos.get()), Duration.ofNanos(insertNanos), Duration.ofNanos(merged.waitNanos()));
        return new Result(writer.events, writer.inboxEntries, took, stages);
    }

    private record Merged(long events, long lastSeq, long fetchNanos, long mergeNanos, long waitNanos) { }

    /** A fetched record and its log-seq, read once from the header. */
    private record Pending(long seq, ConsumerRecord<byte[], byte[]> record) { }

    private Merged readAndMerge(Map<String, Object> kafkaConfig, String topic,
                                Function<List<ConsumerRecord<byte[], byte[]>>, Future<Chunk>> decoder,
                                BlockingQueue<Future<Chunk>> queue, Future<?> writing) {
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20000");
        // Big fetches: the whole topic is read, so fewer round trips; a configured larger limit (record size) is kept.
        atLeast(props, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES_PER_PARTITION);
        atLeast(props, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES);
        long fetchNanos = 0;
        long mergeNanos = 0;
        long waitNanos = 0;
        long lastSeq = 0;
        long events = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (PartitionInfo pi : consumer.partitionsFor(topic)) {
                tps.add(new TopicPartition(topic, pi.partition()));
            }
            tps.sort(Comparator.comparingInt(TopicPartition::partition));
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(tps);
            int n = tps.size();
            int maxPartition = tps.stream().mapToInt(TopicPartition::partition).max().orElse(-1);
            int[] index = new int[maxPartition + 1];
            long[] ends = new long[n];
            long[] next = new long[n];
            boolean[] paused = new boolean[n];
            @SuppressWarnings("unchecked")
            ArrayDeque<Pending>[] queues = new ArrayDeque[n];
            for (int i = 0; i < n; i++) {
                index[tps.get(i).partition()] = i;
                ends[i] = endOffsets.get(tps.get(i));
                queues[i] = new ArrayDeque<>();
            }
            List<ConsumerRecord<byte[], byte[]>> chunk = new ArrayList<>(decodeChunk);
            while (true) {
                long m0 = System.nanoTime();
                long handOff = 0;
                // Merge: emit the smallest log-seq head while every partition that still has records has one queued.
                while (true) {
                    int best = -1;
                    long bestSeq = Long.MAX_VALUE;
                    boolean allReady = true;
                    for (int i = 0; i < n; i++) {
                        Pending head = queues[i].peekFirst();
                        if (head == null) {
                            if (next[i] < ends[i]) {
                                allReady = false;
                                break;
                            }
                        } else if (head.seq() < bestSeq) {
                            bestSeq = head.seq();
                            best = i;
                        }
                    }
                    if (!allReady || best < 0) {
                        break;
                    }
                    ConsumerRecord<byte[], byte[]> r = queues[best].pollFirst().record();
                    if (bestSeq <= lastSeq) {
                        throw new IllegalStateException("topic " + topic + " is out of order at " + r.topic() + "-"
                                + r.partition() + "@" + r.offset() + ": log-seq " + bestSeq + " after " + lastSeq);
                    }
                    lastSeq = bestSeq;
                    chunk.add(r);
                    events++;
                    if (chunk.size() == decodeChunk) {
                        handOff += submit(decoder, queue, chunk, writing);
                        chunk = new ArrayList<>(decodeChunk);
                    }
                }
                mergeNanos += System.nanoTime() - m0 - handOff;
                waitNanos += handOff;
                boolean done = true;
                for (int i = 0; i < n; i++) {
                    done &= next[i] >= ends[i] && queues[i].isEmpty();
                }
                if (done) {
                    break;
                }
                if (writing.isDone()) {
                    result(writing);
                }
                long f0 = System.nanoTime();
                var records = consumer.poll(Duration.ofMillis(500));
                fetchNanos += System.nanoTime() - f0;
                long q0 = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    int i = index[r.partition()];
                    if (r.offset() < ends[i]) {
                        queues[i].addLast(new Pending(KafkaEnvelope.publicationSeq(r), r));
                    }
                    next[i] = r.offset() + 1;
                }
                // A partition far ahead of the others (the merge waits for their heads) stops being fetched for a while,
                // so memory stays bounded whatever the spread of the log over partitions.
                for (int i = 0; i < n; i++) {
                    if (!paused[i] && queues[i].size() > MAX_QUEUED_PER_PARTITION) {
                        consumer.pause(List.of(tps.get(i)));
                        paused[i] = true;
                    } else if (paused[i] && queues[i].size() < MAX_QUEUED_PER_PARTITION / 2) {
                        consumer.resume(List.of(tps.get(i)));
                        paused[i] = false;
                    }
                }
                mergeNanos += System.nanoTime() - q0;
            }
            if (!chunk.isEmpty()) {
                waitNanos += submit(decoder, queue, chunk, writing);
            }
        }
        return new Merged(events, lastSeq, fetchNanos, mergeNanos, waitNanos);
    }

    private static void atLeast(Properties props, String key, int bytes) {
        Object configured = props.get(key);
        int value = configured == null ? 0 : Integer.parseInt(configured.toString().trim());
        props.put(key, String.valueOf(Math.max(value, bytes)));
    }

    /** Hands a chunk to the decoders and its result to the writer, in order; returns the nanoseconds spent waiting. */
    private static long submit(Function<List<ConsumerRecord<byte[], byte[]>>, Future<Chunk>> decoder,
                               BlockingQueue<Future<Chunk>> queue, List<ConsumerRecord<byte[], byte[]>> records, Future<?> writing) {
        Future<Chunk> decoded = decoder.apply(records);
        long w0 = System.nanoTime();
        hand(queue, decoded, writing);
        return System.nanoTime() - w0;
    }

    private static void hand(BlockingQueue<Future<Chunk>> queue, Future<Chunk> item, Future<?> writing) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (writing.isDone()) {
                    result(writing);
                    throw new IllegalStateException("rebuild from Kafka: the writer stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild from Kafka interrupted", e);
        }
    }

    private static Chunk decode(List<ConsumerRecord<byte[], byte[]>> records, AtomicLong decodeNanos) {
        long t0 = System.nanoTime();
        BinaryCopyRows events = new BinaryCopyRows(records.size() * 320);
        BinaryCopyRows inbox = new BinaryCopyRows(64);
        for (ConsumerRecord<byte[], byte[]> r : records) {
            EnvelopeDecoder.Decoded e = EnvelopeDecoder.decode(r);
            events.startRow(EVENT_FIELDS)
                    .uuid(e.eventId())
                    .text(e.streamId())
                    .int8(e.streamVersion())
                    .text(e.eventType())
                    .int4(e.schemaVersion())
                    .jsonb(e.payload())
                    .jsonb(e.metadataJson())
                    .timestamptz(e.recordedAt());
            if (e.causationId() != null) {
                inbox.startRow(2).text(e.causationConsumer()).uuid(e.causationId());
            }
        }
        decodeNanos.addAndGet(System.nanoTime() - t0);
        return new Chunk(events, inbox, records, false);
    }

    /**
     * Streams decoded chunks into COPY, in order, on the import's connection, committing a transaction (events and their
     * inbox entries) every time it holds enough events; leaves the last transaction open for the checkpoint.
     */
    private static final class Writer {

        private final Connection connection;
        private final CopyManager copy;
        private final BlockingQueue<Future<Chunk>> queue;
        private final BinaryCopyRows inbox = new BinaryCopyRows(64 << 10);
        /** The records of the rows in the current transaction's COPY, in order. */
        private final List<List<ConsumerRecord<byte[], byte[]>>> sources = new ArrayList<>();
        private volatile boolean aborted;
        private CopyIn eventCopy;
        private final int eventsPerTransaction;
        private long eventsInTransaction;
        long busyNanos;
        long events;
        volatile long committedEvents;
        long inboxEntries;

        Writer(Connection connection, BlockingQueue<Future<Chunk>> queue, int eventsPerTransaction) throws SQLException {
            this.connection = connection;
            this.eventsPerTransaction = eventsPerTransaction;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.queue = queue;
        }

        void abort() {
            aborted = true;
        }

        void run() throws Exception {
            try {
                while (true) {
                    Chunk chunk = queue.take().get();
                    if (aborted) {
                        throw new CancellationException("rebuild from Kafka aborted");
                    }
                    long t0 = System.nanoTime();
                    if (chunk.last()) {
                        endTransaction(false);
                        busyNanos += System.nanoTime() - t0;
                        return;
                    }
                    if (eventCopy == null) {
                        eventCopy = copy.copyIn(COPY_EVENTS);
                        eventCopy.writeToCopy(BinaryCopyRows.HEADER, 0, BinaryCopyRows.HEADER.length);
                    }
                    sources.add(chunk.sources());
                    eventCopy.writeToCopy(chunk.events().bytes(), 0, chunk.events().size());
                    events += chunk.events().rows();
                    eventsInTransaction += chunk.events().rows();
                    inbox.append(chunk.inbox());
                    if (eventsInTransaction >= eventsPerTransaction) {
                        endTransaction(true);
                    }
                    busyNanos += System.nanoTime() - t0;
                }
            } catch (ExecutionException e) {
                cancel();
                throw e.getCause() instanceof Exception ex ? ex : e;
            } catch (SQLException e) {
                cancel();
                throw refusedRecord(e);
            } catch (Exception | Error e) {
                cancel();
                throw e;
            }
        }

        private void endTransaction(boolean commit) throws SQLException {
            if (eventCopy != null) {
                eventCopy.writeToCopy(BinaryCopyRows.TRAILER, 0, BinaryCopyRows.TRAILER.length);
                eventCopy.endCopy();
                eventCopy = null;
            }
            if (inbox.rows() > 0) {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TEMPORARY TABLE " + INBOX_TEMP + " (consumer TEXT NOT NULL, event_id UUID NOT NULL) ON COMMIT DROP");
                }
                CopyIn in = copy.copyIn("COPY " + INBOX_TEMP + " (consumer, event_id) FROM STDIN (FORMAT binary)");
                try {
                    in.writeToCopy(BinaryCopyRows.HEADER, 0, BinaryCopyRows.HEADER.length);
                    in.writeToCopy(inbox.bytes(), 0, inbox.size());
                    in.writeToCopy(BinaryCopyRows.TRAILER, 0, BinaryCopyRows.TRAILER.length);
                    in.endCopy();
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
                try (Statement s = connection.createStatement()) {
                    inboxEntries += s.executeUpdate("INSERT INTO inbox (consumer, event_id) SELECT DISTINCT consumer, event_id FROM "
                            + INBOX_TEMP + " ON CONFLICT DO NOTHING");
                }
                inbox.clear();
            }
            if (commit) {
                connection.commit();
                committedEvents = events;
            }
            eventsInTransaction = 0;
            sources.clear();
        }

        /**
         * A row of the event COPY that PostgreSQL refused (a payload that is not JSON, a failed check, a duplicate event
         * id) is named by its Kafka record, as a malformed envelope is.
         */
        private Exception refusedRecord(SQLException e) {
            ServerErrorMessage server = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
            Matcher m = COPY_LINE.matcher(server == null || server.getWhere() == null ? "" : server.getWhere());
            if (!m.find()) {
                return e;
            }
            long row = Long.parseLong(m.group(1));
            for (List<ConsumerRecord<byte[], byte[]>> chunk : sources) {
                if (row <= chunk.size()) {
                    ConsumerRecord<byte[], byte[]> r = chunk.get((int) row - 1);
                    String detail = server.getDetail() == null ? "" : " (" + server.getDetail() + ")";
                    return new IllegalArgumentException("record " + r.topic() + "-" + r.partition() + "@" + r.offset()
                            + " was refused by PostgreSQL: " + server.getMessage() + detail, e);
                }
                row -= chunk.size();
            }
            return e;
        }

        private void cancel() {
            if (eventCopy != null && eventCopy.isActive()) {
                try {
                    eventCopy.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction is rolled back anyway
                }
            }
        }
    }

    private static void result(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof SQLException se) {
                throw new EventLogException("rebuild from Kafka failed while inserting: " + se.getMessage(), se);
            }
            throw new IllegalStateException("rebuild from Kafka failed while inserting: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild from Kafka interrupted", e);
        }
    }

    private static LogPosition lastPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT transaction_id::text, global_position FROM event_log ORDER BY event_log.transaction_id DESC, event_log.global_position DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)) : null;
        }
    }
}
