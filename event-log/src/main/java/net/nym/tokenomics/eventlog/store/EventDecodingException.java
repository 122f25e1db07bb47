package net.nym.tokenomics.eventlog.store;

/** A stored or received event cannot be turned back into its record. The message names the event and the reason. */
public class EventDecodingException extends RuntimeException {
    private final transient StoredEvent event;

    public EventDecodingException(StoredEvent event, String reason, Throwable cause) {
        super("cannot decode " + event.describe() + ": " + reason, cause);
        this.event = event;
    }

    public StoredEvent event() {
        return event;
    }
}
