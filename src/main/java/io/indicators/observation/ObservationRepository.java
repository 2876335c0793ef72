package io.indicators.observation;

import io.indicators.common.period.ReferencePeriod;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ObservationRepository implements PanacheRepository<Observation> {

    public Optional<Observation> find(Series series, String period) {
        return find("series = ?1 and period = ?2", series, period).firstResultOptional();
    }

    public Observation findOrCreate(Series series, ReferencePeriod period) {
        return find(series, period.text()).orElseGet(() -> {
            Observation observation = new Observation();
            observation.series = series;
            observation.period = period.text();
            observation.periodStart = period.start();
            observation.periodEnd = period.end();
            persist(observation);
            return observation;
        });
    }
}
