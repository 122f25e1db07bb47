package net.nym.tokenomics.selection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import net.nym.tokenomics.selection.domain.clock.ClockMode;

import java.time.Duration;
import java.util.Map;

/** {@code selection.*}: the epoch clock, the bootstrap set, beacon values and the stream/consumer names. */
@ConfigMapping(prefix = "selection")
public interface SelectionConfig {

    Clock clock();

    Bootstrap bootstrap();

    /** Configured randomness-beacon values (hex) by epoch id: {@code selection.beacon."42"=ab12...}. */
    Map<String, String> beacon();

    @WithDefault("selection")
    String streamId();

    /** Kafka group id and inbox key of the input consumer. */
    @WithDefault("selection-service-inputs")
    String consumerName();

    /** On an empty database: import this service's own topic from offset 0 before the relay starts, then verify. */
    @WithDefault("false")
    boolean rebuildFromKafka();

    /** Recompute every logged selection at start-up and refuse to start on a mismatch. */
    @WithDefault("false")
    boolean verifyOnStart();

    interface Clock {
        /** REAL (epoch length 1 h by default), ACCELERATED (a short epoch length for demos) or MANUAL (admin advance). */
        @WithDefault("REAL")
        ClockMode mode();

        @WithDefault("PT1H")
        Duration epochLength();

        @WithDefault("720")
        int epochsInInterval();

        /** How often the scheduler sends Tick(now) (read by the {@code @Scheduled} expression). */
        @WithDefault("1s")
        String tickEvery();
    }

    /** Epoch 0 has no stake snapshot before it: its sizes and saturation point come from here. */
    interface Bootstrap {
        @WithDefault("50")
        int entryGateways();

        @WithDefault("70")
        int exitGateways();

        @WithDefault("120")
        int mixnodes();

        @WithDefault("0")
        int standby();

        /** A Decimal string; every stake is 0 at bootstrap, so it only has to be positive. */
        @WithDefault("1")
        String stakeSaturationPoint();
    }
}
