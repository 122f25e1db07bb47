package net.nym.tokenomics.eventlog.store;

/** An event with this id is already in the log: the command was applied before (a retry), nothing new is stored. */
public class DuplicateEventException extends RuntimeException {
    public DuplicateEventException(String streamId, Throwable cause) {
        super("an event appended to stream '" + streamId + "' is already in the log (same event id)", cause);
    }
}
