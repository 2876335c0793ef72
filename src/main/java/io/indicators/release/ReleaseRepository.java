package io.indicators.release;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReleaseRepository implements PanacheRepositoryBase<Release, String> {

    /** Later than any release; PostgreSQL's timestamps end long before Instant.MAX. */
    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    /** The newest release, which the catalogue's ETag names; empty before the first release. */
    public Optional<Release> head() {
        return newest((cb, r) -> cb.conjunction());
    }

    public Optional<Release> findByIdempotencyKey(String key) {
        return newest((cb, r) -> cb.equal(r.get("idempotencyKey"), key));
    }

    /**
     * Criteria rather than HQL: start-up (the seed check) and every cached read run these, and a native
     * executable's first HQL parse is slow enough to show in its first response (src/bench/).
     */
    private Optional<Release> newest(BiFunction<CriteriaBuilder, Root<Release>, Predicate> condition) {
        CriteriaBuilder cb = getEntityManager().getCriteriaBuilder();
        CriteriaQuery<Release> query = cb.createQuery(Release.class);
        Root<Release> release = query.from(Release.class);
        query.select(release).where(condition.apply(cb, release)).orderBy(cb.desc(release.get("seq")));
        return getEntityManager().createQuery(query).setMaxResults(1).getResultStream().findFirst();
    }

    /** The file names the given documents have now, by document id, in one statement; unknown ones are absent. */
    public Map<String, String> currentFileNames(Collection<String> documentIds) {
        Map<String, String> names = new HashMap<>();
        if (documentIds.isEmpty()) {
            return names;
        }
        List<?> rows = getEntityManager().createNativeQuery(
                "select id, file_name from document_version where id in (:ids) and realtime_end is null")
                .setParameter("ids", documentIds).getResultList();
        rows.forEach(row -> names.put((String) ((Object[]) row)[0], (String) ((Object[]) row)[1]));
        return names;
    }

    /** Newest first, published by {@code asOf} (null: all); {@code beforeSeq} is the cursor. */
    public List<Release> page(Long beforeSeq, Instant asOf, int limit) {
        return find("seq < ?1 and releasedAt <= ?2 order by seq desc", beforeSeq == null ? Long.MAX_VALUE : beforeSeq,
                asOf == null ? NEVER : asOf).page(0, limit).list();
    }
}
