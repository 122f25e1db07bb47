package net.nym.tokenomics.eventlog.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what one class logs between {@link #start} and {@link #stop}, for tests that assert an operator is told
 * something (a WARN naming the stream, an INFO on start-up). Quarkus and the tests log through JBoss LogManager, whose
 * records carry the formatted message.
 */
public final class LogLines extends Handler {

    /** Held strongly: a JUL logger without references may be collected, handlers and all. */
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    public LogLines(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
    }

    public void start() {
        logger.addHandler(this);
    }

    public void stop() {
        logger.removeHandler(this);
    }

    /** The formatted messages logged at exactly this level, in order. */
    public List<String> at(Level level) {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel().equals(level))
                    .map(r -> ((ExtLogRecord) r).getFormattedMessage()).toList();
        }
    }

    public void clear() {
        synchronized (records) {
            records.clear();
        }
    }

    @Override
    public void publish(LogRecord r) {
        synchronized (records) {
            records.add(r);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
