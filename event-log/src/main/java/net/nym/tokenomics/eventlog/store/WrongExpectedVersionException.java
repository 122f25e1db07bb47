package net.nym.tokenomics.eventlog.store;

/** Another writer appended to the stream first: the command must be re-decided on the new state (or reported as 409). */
public class WrongExpectedVersionException extends RuntimeException {
    private final String streamId;
    private final long expectedVersion;

    public WrongExpectedVersionException(String streamId, long expectedVersion, Throwable cause) {
        super("stream '" + streamId + "' is no longer at version " + expectedVersion + ": a concurrent append won", cause);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
