package net.nym.tokenomics.eventlog.store;

/** A database fault while reading or writing the event log. */
public class EventLogException extends RuntimeException {
    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
