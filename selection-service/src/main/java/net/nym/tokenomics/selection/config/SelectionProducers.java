package net.nym.tokenomics.selection.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** The wall clock (injected, so tests and the domain never read time themselves) and the application service. */
public class SelectionProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SelectionService selectionService(DataSource dataSource, SelectionConfig config) {
        Map<Long, String> beacons = new TreeMap<>();
        config.beacon().forEach((epoch, hex) -> {
            try {
                beacons.put(Long.parseLong(epoch.replace("\"", "")), hex);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("selection.beacon: key '" + epoch + "' is not an epoch id", e);
            }
        });
        SelectionConfig.Bootstrap b = config.bootstrap();
        return new SelectionService(dataSource, new SelectionService.Settings(config.streamId(), config.consumerName(),
                config.clock().mode(), config.clock().epochLength(), config.clock().epochsInInterval(),
                new RewardedSetSizes(b.entryGateways(), b.exitGateways(), b.mixnodes(), b.standby()),
                Decimal.parse(b.stakeSaturationPoint()), beacons));
    }
}
