package net.nym.tokenomics.ticketledger.domain.ticket;

import java.util.Optional;

/**
 * zk-nym ticket types ({@code common/credentials-interface}): the JSON kebab-case name, the u8 {@code t_type} code
 * and the bandwidth one ticket grants, in decimal bytes.
 */
public enum TicketType {
    V1_MIXNET_ENTRY("v1-mixnet-entry", 0, 200_000_000L),
    V1_MIXNET_EXIT("v1-mixnet-exit", 1, 100_000_000L),
    V1_WIREGUARD_ENTRY("v1-wireguard-entry", 2, 500_000_000L),
    V1_WIREGUARD_EXIT("v1-wireguard-exit", 3, 500_000_000L);

    /** {@code TICKETBOOK_SIZE}: the contract stores it as an invariant. */
    public static final int TICKETS_PER_BOOK = 50;

    /**
     * The longest type name a batch may carry. Names are 18 characters today; the room is for types a newer gateway
     * may send, which stay that ticket's INVALID outcome instead of refusing the batch.
     */
    public static final int MAX_NAME_LENGTH = 64;

    private final String jsonName;
    private final int code;
    private final long bytesPerTicket;

    TicketType(String jsonName, int code, long bytesPerTicket) {
        this.jsonName = jsonName;
        this.code = code;
        this.bytesPerTicket = bytesPerTicket;
    }

    public String jsonName() {
        return jsonName;
    }

    public int code() {
        return code;
    }

    public long bytesPerTicket() {
        return bytesPerTicket;
    }

    public long bytesPerBook() {
        return bytesPerTicket * TICKETS_PER_BOOK;
    }

    /** Exact, case-sensitive match on the JSON name, as serde's kebab-case does. */
    public static Optional<TicketType> fromJsonName(String name) {
        for (TicketType type : values()) {
            if (type.jsonName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<TicketType> fromCode(int code) {
        for (TicketType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
