package io.indicators.observation;

import io.indicators.indicator.Indicator;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SeriesRepository implements PanacheRepository<Series> {

    public Optional<Series> find(String indicatorId, String geo) {
        return find("indicator.id = ?1 and geo = ?2", indicatorId, geo).firstResultOptional();
    }

    public Series findOrCreate(Indicator indicator, String geo) {
        return find(indicator.id, geo).orElseGet(() -> {
            Series series = new Series();
            series.indicator = indicator;
            series.geo = geo;
            persist(series);
            return series;
        });
    }

    public List<Series> ofIndicator(String indicatorId) {
        return list("indicator.id = ?1 order by geo", indicatorId);
    }
}
