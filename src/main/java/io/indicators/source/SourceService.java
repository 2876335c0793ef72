package io.indicators.source;

import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Page;
import io.indicators.common.problem.ApiException;
import io.indicators.observation.ObservationService;
import io.indicators.observation.ObservationVersion;
import io.indicators.observation.ObservationVersionRepository;
import io.indicators.source.SourceViews.PublicationRef;
import io.indicators.source.SourceViews.SourceDetail;
import io.indicators.source.SourceViews.SourceSummary;
import io.indicators.source.SourceViews.SourcedValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SourceService {

    private final DocumentRepository documents;
    private final ObservationVersionRepository versions;

    SourceService(DocumentRepository documents, ObservationVersionRepository versions) {
        this.documents = documents;
        this.versions = versions;
    }

    public Page<SourceSummary> list(String afterId, int limit) {
        return Page.of(documents.page(afterId, limit + 1), limit, d -> d.id, document -> {
            List<ObservationVersion> values = versions.currentCiting(document.id);
            return new SourceSummary(document.id, document.fileName, document.sha256, title(document),
                    publisher(document), Arrays.asList(document.authors), document.language, document.url,
                    SourceViews.date(document.published), document.note, cites(values, document.id), values.size());
        });
    }

    public SourceDetail detail(String id) {
        Document document = documents.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No source '" + id + "'"));
        List<ObservationVersion> values = versions.currentCiting(id);
        List<SourcedValue> sourced = values.stream().flatMap(v -> v.citations.stream()
                .filter(c -> c.document.id.equals(id))
                .map(c -> new SourcedValue(v.observation.series.indicator.id, v.observation.series.geo,
                        v.observation.period, v.value, v.low, v.high, ObservationService.unit(v.observation.series.indicator),
                        v.status, c.quote, c.publication == null ? null : c.publication.id, v.realtimeStart)))
                .toList();
        return new SourceDetail(document.id, document.fileName, document.sha256, title(document), publisher(document),
                Arrays.asList(document.authors), document.language, document.url, SourceViews.date(document.published),
                document.note, cites(values, id), sourced);
    }

    private static List<PublicationRef> cites(List<ObservationVersion> values, String documentId) {
        return values.stream().flatMap(v -> v.citations.stream())
                .filter(c -> c.document.id.equals(documentId))
                .map(c -> c.publication)
                .filter(Objects::nonNull).distinct().map(SourceViews::ref).toList();
    }

    private static OriginalText title(Document document) {
        return new OriginalText(document.titleOriginal, document.titleEn);
    }

    private static OriginalText publisher(Document document) {
        return new OriginalText(document.publisherOriginal, document.publisherEn);
    }
}
