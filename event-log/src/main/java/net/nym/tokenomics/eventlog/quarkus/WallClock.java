package net.nym.tokenomics.eventlog.quarkus;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one wall clock of every service: the application layer reads {@code now} from it and hands it to commands; the
 * domain never reads time itself. A test may replace it with an {@code @Alternative} producer of its own.
 */
public class WallClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
