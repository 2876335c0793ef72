package io.indicators.release;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReleaseRepository implements PanacheRepositoryBase<Release, String> {

    /** The newest release, which the catalogue's ETag names; empty before the first release. */
    public Optional<Release> head() {
        return find("order by seq desc").firstResultOptional();
    }

    /** The release that was current at an instant: the newest one published at or before it. */
    public Optional<Release> currentAt(Instant instant) {
        return find("releasedAt <= ?1 order by seq desc", instant).firstResultOptional();
    }

    public Optional<Release> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** Newest first; {@code beforeSeq} is the cursor. */
    public List<Release> page(Long beforeSeq, int limit) {
        return beforeSeq == null
                ? find("order by seq desc").page(0, limit).list()
                : find("seq < ?1 order by seq desc", beforeSeq).page(0, limit).list();
    }
}
