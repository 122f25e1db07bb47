package net.nym.tokenomics.selection.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.util.Map;
import java.util.TreeMap;

/** The application service, from {@code selection.*} (the wall clock is event-log's {@code WallClock}). */
public class SelectionProducers {

    @Produces
    @Singleton
    SelectionService selectionService(DataSource dataSource, SelectionConfig config,
                                      @ConfigProperty(name = "eventlog.snapshot.every") long snapshotEvery) {
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
                Decimal.parse(b.stakeSaturationPoint()), beacons), snapshotEvery);
    }
}
