package net.nym.tokenomics.selection.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import io.smallrye.reactive.messaging.ChannelRegistry;
import net.nym.tokenomics.eventlog.quarkus.EventLogRuntime;
import net.nym.tokenomics.eventlog.quarkus.InboxChannels;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's tick reads the injected clock: ACCELERATED epochs end at start + length, MANUAL ones never. */
@QuarkusTest
class ClockTickTest {

    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

    @Inject
    DataSource dataSource;
    @Inject
    EventLogRuntime runtime;
    @Inject
    InboxChannels channels;
    @Inject
    ChannelRegistry channelRegistry;

    private SelectionService service(ClockMode mode) {
        return new SelectionService(dataSource, new SelectionService.Settings("tick-" + UUID.randomUUID(), "c", mode,
                Duration.ofSeconds(10), 720, new RewardedSetSizes(1, 1, 3, 0), Decimal.ONE, Map.of()));
    }

    private SelectionStartup ticker(SelectionService s, Instant now, EventLogRuntime runtime) {
        return new SelectionStartup(s, runtime, channels, channelRegistry, Clock.fixed(now, ZoneOffset.UTC), false, false);
    }

    @Test
    void acceleratedEpochsEndOnTheTickAtTheirPlannedEnd() {
        SelectionService s = service(ClockMode.ACCELERATED);
        ticker(s, T0, runtime).tick(); // not initialised yet: nothing
        assertThat(s.view().clock()).isInstanceOf(EpochClockState.Uninitialized.class);
        s.start(T0);
        ticker(s, T0.plusSeconds(9), runtime).tick();
        assertThat(s.view().clock()).isInstanceOf(EpochClockState.Running.class);
        ticker(s, T0.plusSeconds(10), runtime).tick();
        assertThat(s.view().clock()).isInstanceOfSatisfying(EpochClockState.AwaitingRewardedSet.class,
                a -> assertThat(a.next().epochId()).isEqualTo(1));
        assertThat(s.view().lastEnded().end()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void manualEpochsDoNotEndOnTicks() {
        SelectionService s = service(ClockMode.MANUAL);
        s.start(T0);
        long version = s.view().version();
        ticker(s, T0.plusSeconds(3600), runtime).tick();
        assertThat(s.view().version()).isEqualTo(version);
        assertThat(s.view().clock()).isInstanceOf(EpochClockState.Running.class);
    }
}
