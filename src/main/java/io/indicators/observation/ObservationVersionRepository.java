package io.indicators.observation;

import io.indicators.release.Release;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real-time queries: what was known at an instant, and how a value changed. */
@ApplicationScoped
public class ObservationVersionRepository implements PanacheRepository<ObservationVersion> {

    private static final String FETCH = "select v from ObservationVersion v join fetch v.observation o"
            + " join fetch o.series s join fetch s.indicator join fetch v.release ";

    public Optional<ObservationVersion> current(Observation observation) {
        return find("observation = ?1 and realtimeEnd is null", observation).firstResultOptional();
    }

    /**
     * The versions of an indicator's values in force at {@code asOf} (retracted ones excluded), ordered by
     * geography and period; {@code from}/{@code to} keep periods that overlap the range.
     */
    public List<ObservationVersion> knownAt(String indicatorId, String geo, LocalDate from, LocalDate to, Instant asOf) {
        return ofIndicator("v.retracted = false and v.realtimeStart <= :asOf"
                + " and (v.realtimeEnd is null or v.realtimeEnd > :asOf)", indicatorId, geo, from, to, asOf);
    }

    /**
     * Every version of an indicator's values that had become known by {@code asOf}, retractions included,
     * ordered by geography, period and real-time start.
     */
    public List<ObservationVersion> historyUntil(String indicatorId, String geo, LocalDate from, LocalDate to, Instant asOf) {
        return ofIndicator("v.realtimeStart <= :asOf", indicatorId, geo, from, to, asOf);
    }

    private List<ObservationVersion> ofIndicator(String realtimeCondition, String indicatorId, String geo, LocalDate from,
            LocalDate to, Instant asOf) {
        Map<String, Object> params = new HashMap<>(Map.of("indicator", indicatorId, "asOf", asOf));
        StringBuilder query = new StringBuilder(FETCH).append("where s.indicator.id = :indicator and ").append(realtimeCondition);
        if (geo != null) {
            query.append(" and s.geo = :geo");
            params.put("geo", geo);
        }
        if (from != null) {
            query.append(" and o.periodEnd >= :from");
            params.put("from", from);
        }
        if (to != null) {
            query.append(" and o.periodStart <= :to");
            params.put("to", to);
        }
        query.append(" order by s.geo, o.periodStart, o.periodEnd, v.realtimeStart");
        return find(query.toString(), params).list();
    }

    /** Current values citing a document, for the source page. */
    public List<ObservationVersion> currentCiting(String documentId) {
        return find(FETCH + "where v.realtimeEnd is null and v.retracted = false"
                + " and exists (from Citation c where c.version = v and c.document.id = ?1)"
                + " order by s.indicator.id, s.geo, o.periodStart", documentId).list();
    }

    /** The revisions of one value, oldest first. */
    public List<ObservationVersion> history(Observation observation) {
        return find(FETCH + "where o = ?1 order by v.realtimeStart", observation).list();
    }

    /** The version a given version replaced, if any. */
    public Optional<ObservationVersion> previous(ObservationVersion version) {
        return find(FETCH + "where o = ?1 and v.realtimeEnd = ?2", version.observation, version.realtimeStart)
                .firstResultOptional();
    }

    /** What one release wrote, in the order it wrote it. */
    public List<ObservationVersion> ofRelease(String releaseId) {
        return find(FETCH + "where v.release.id = ?1 order by v.id", releaseId).list();
    }

    /** The change feed: versions that became known after an instant, in the order they were written. */
    public List<ObservationVersion> feed(Instant updatedAfter, long afterId, int limit) {
        return find(FETCH + "where v.realtimeStart > ?1 and v.id > ?2 order by v.id", updatedAfter, afterId)
                .page(0, limit).list();
    }

    /** The releases that changed an indicator's values, oldest first (ALFRED's vintage dates). */
    public List<Release> vintages(String indicatorId) {
        return getEntityManager().createQuery("select distinct r from ObservationVersion v join v.release r"
                + " where v.observation.series.indicator.id = :indicator order by r.seq", Release.class)
                .setParameter("indicator", indicatorId).getResultList();
    }

    /** The newest release that changed an indicator's values by an instant: the vintage an answer reflects. */
    public Optional<Release> latestVintage(String indicatorId, Instant asOf) {
        return getEntityManager().createQuery("select r from ObservationVersion v join v.release r"
                + " where v.observation.series.indicator.id = :indicator and v.realtimeStart <= :asOf order by r.seq desc",
                Release.class)
                .setParameter("indicator", indicatorId).setParameter("asOf", asOf).setMaxResults(1)
                .getResultStream().findFirst();
    }
}
