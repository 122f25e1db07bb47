package net.nym.tokenomics.eventlog.api;

import java.util.Objects;

/**
 * Why a command or request was refused: a stable machine-readable {@link #code}, the request {@link #field} at fault
 * (or {@code "body"}/{@code "request"} when none is), a sentence saying why, and the {@link ErrorKind} that decides
 * the status. Deciders return rejections as values (a domain's sealed rejection type implements this interface);
 * nothing is recorded for a rejected command.
 */
public interface Rejection {

    ErrorKind kind();

    String code();

    String field();

    String reason();

    /** A rejection with no domain type of its own (edge validation, parsing). */
    static Rejection of(ErrorKind kind, String code, String field, String reason) {
        return new Simple(kind, code, field, reason);
    }

    static Rejection invalid(String field, String reason) {
        return of(ErrorKind.INVALID, "invalid_field", field, reason);
    }

    /** {@code NodeNotFound} becomes {@code node_not_found}: the code of a rejection named by its record type. */
    static String codeOf(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    record Simple(ErrorKind kind, String code, String field, String reason) implements Rejection {
        public Simple {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(code, "code");
        }
    }
}
