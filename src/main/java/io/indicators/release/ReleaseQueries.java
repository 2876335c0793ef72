package io.indicators.release;

import io.indicators.common.api.Page;
import io.indicators.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReleaseQueries {

    private final ReleaseRepository releases;

    ReleaseQueries(ReleaseRepository releases) {
        this.releases = releases;
    }

    /** @param position the decoded cursor: the seq of the last release on the previous page */
    public Page<ReleaseView> list(String position, int limit) {
        Long beforeSeq;
        try {
            beforeSeq = position == null ? null : Long.valueOf(position);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("cursor", "cursor is not one this API returned; start again without it");
        }
        return Page.of(releases.page(beforeSeq, limit + 1), limit, r -> Long.toString(r.seq), this::view);
    }

    public ReleaseView get(String id) {
        return view(releases.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("No release '" + id + "'")));
    }

    public ReleaseView view(Release release) {
        return new ReleaseView(release.id, release.releasedAt, release.description, release.publishedBy,
                new ReleaseView.Changes(release.added, release.revised, release.retracted));
    }
}
