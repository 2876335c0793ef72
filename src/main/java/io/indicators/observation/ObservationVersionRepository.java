package io.indicators.observation;

import io.indicators.release.Release;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

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
        return ofIndicator(indicatorId, geo, from, to, (cb, v) -> cb.and(
                cb.isFalse(v.get("retracted")),
                cb.lessThanOrEqualTo(v.get("realtimeStart"), asOf),
                cb.or(cb.isNull(v.get("realtimeEnd")), cb.greaterThan(v.get("realtimeEnd"), asOf))));
    }

    /**
     * Every version of an indicator's values that had become known by {@code asOf}, retractions included,
     * ordered by geography, period and real-time start.
     */
    public List<ObservationVersion> historyUntil(String indicatorId, String geo, LocalDate from, LocalDate to, Instant asOf) {
        return ofIndicator(indicatorId, geo, from, to, (cb, v) -> cb.lessThanOrEqualTo(v.get("realtimeStart"), asOf));
    }

    /**
     * A criteria query rather than HQL: the filters are optional, and the headline read then skips HQL parsing,
     * whose first run costs a native executable's first response about a hundred milliseconds (src/bench/).
     */
    private List<ObservationVersion> ofIndicator(String indicatorId, String geo, LocalDate from, LocalDate to,
            BiFunction<CriteriaBuilder, Root<ObservationVersion>, Predicate> realtime) {
        CriteriaBuilder cb = getEntityManager().getCriteriaBuilder();
        CriteriaQuery<ObservationVersion> query = cb.createQuery(ObservationVersion.class);
        Root<ObservationVersion> v = query.from(ObservationVersion.class);
        v.fetch("release");
        // A fetch is also a join in Hibernate, so the fetched rows can be filtered and ordered on.
        var o = (Join<ObservationVersion, Observation>) v.<ObservationVersion, Observation>fetch("observation");
        var s = (Join<Observation, Series>) o.<Observation, Series>fetch("series");
        s.fetch("indicator");

        List<Predicate> where = new ArrayList<>(List.of(cb.equal(s.get("indicator").get("id"), indicatorId),
                realtime.apply(cb, v)));
        if (geo != null) {
            where.add(cb.equal(s.get("geo"), geo));
        }
        if (from != null) {
            where.add(cb.greaterThanOrEqualTo(o.get("periodEnd"), from));
        }
        if (to != null) {
            where.add(cb.lessThanOrEqualTo(o.get("periodStart"), to));
        }
        query.select(v).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(s.get("geo")),
                cb.asc(o.get("periodStart")), cb.asc(o.get("periodEnd")), cb.asc(v.get("realtimeStart")));
        return getEntityManager().createQuery(query).getResultList();
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
        CriteriaBuilder cb = getEntityManager().getCriteriaBuilder();
        CriteriaQuery<Release> query = cb.createQuery(Release.class);
        Root<ObservationVersion> v = query.from(ObservationVersion.class);
        Join<ObservationVersion, Release> r = v.join("release");
        query.select(r)
                .where(cb.equal(v.get("observation").get("series").get("indicator").get("id"), indicatorId),
                        cb.lessThanOrEqualTo(v.get("realtimeStart"), asOf))
                .orderBy(cb.desc(r.get("seq")));
        return getEntityManager().createQuery(query).setMaxResults(1).getResultStream().findFirst();
    }
}
