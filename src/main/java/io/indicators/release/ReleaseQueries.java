package io.indicators.release;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.indicators.common.api.Page;
import io.indicators.common.problem.ApiException;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReleaseQueries {

    private final ReleaseRepository releases;

    ReleaseQueries(ReleaseRepository releases) {
        this.releases = releases;
    }

    /** @param position the decoded cursor: the seq of the last release on the previous page */
    /** @param asOf only releases published by then; null for all */
    public Page<ReleaseView> list(String position, int limit, Instant asOf) {
        Long beforeSeq;
        try {
            beforeSeq = position == null ? null : Long.valueOf(position);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("cursor", "cursor is not one this API returned; start again without it");
        }
        return Page.of(releases.page(beforeSeq, asOf, limit + 1), limit, r -> Long.toString(r.seq), this::view);
    }

    /** A release; 404 also when it was published after {@code asOf}, as it was not known then. */
    public ReleaseView get(String id, Instant asOf) {
        return view(releases.findByIdOptional(id).filter(release -> asOf == null || !release.releasedAt.isAfter(asOf))
                .orElseThrow(() -> ApiException.notFound("No release '" + id + "'"
                        + (asOf == null ? "" : " as of " + asOf))));
    }

    public ReleaseView view(Release release) {
        return new ReleaseView(release.id, release.releasedAt, release.description, release.publishedBy,
                new ReleaseView.Changes(release.added, release.revised, release.retracted));
    }
}
