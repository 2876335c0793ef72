package io.indicators.indicator;

import java.time.LocalDate;
import java.util.Comparator;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.indicators.common.http.Representation;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.indicator.IndicatorViews.IndicatorDetail;
import io.indicators.indicator.IndicatorViews.SeriesSummary;
import io.indicators.source.SourceViews.DocumentRef;
import io.indicators.source.SourceViews.PublicationRef;

/**
 * An indicator as a schema.org {@code Dataset} in JSON-LD, what dataset search engines and catalogues index: its
 * names, the quantity it measures and in what unit, where and when its current values are, the documents they are
 * quoted from ({@code citation}) and the primary publications behind them ({@code isBasedOn}). Dates appear only
 * where the catalogue has them.
 */
@Singleton
@Provider
@Produces(DatasetJsonLd.MEDIA_TYPE)
public class DatasetJsonLd extends Representation {

    public static final String MEDIA_TYPE = "application/ld+json";

    private final ObjectMapper json;

    DatasetJsonLd(ObjectMapper json) {
        super(MediaType.valueOf(MEDIA_TYPE), IndicatorDetail.class);
        this.json = json;
    }

    @Override
    public byte[] write(Object entity, String language) {
        IndicatorDetail indicator = (IndicatorDetail) entity;
        ObjectNode dataset = json.createObjectNode();
        dataset.put("@context", "https://schema.org");
        dataset.put("@type", "Dataset");
        dataset.put("identifier", indicator.id());
        ArrayNode names = dataset.putArray("name");
        names.addObject().put("@language", "en").put("@value", indicator.name().en());
        names.addObject().put("@language", "ko").put("@value", indicator.name().ko());
        if (indicator.description() != null) {
            ArrayNode descriptions = dataset.putArray("description");
            if (indicator.description().en() != null) {
                descriptions.addObject().put("@language", "en").put("@value", indicator.description().en());
            }
            if (indicator.description().ko() != null) {
                descriptions.addObject().put("@language", "ko").put("@value", indicator.description().ko());
            }
        }
        ArrayNode keywords = dataset.putArray("keywords");
        indicator.topics().forEach(keywords::add);
        dataset.putObject("variableMeasured").put("@type", "PropertyValue").put("name", indicator.name().en())
                .put("unitText", indicator.unit().code());
        ArrayNode places = dataset.putArray("spatialCoverage");
        indicator.series().forEach(series -> places.addObject().put("@type", "Place").put("identifier", series.geo()));
        temporalCoverage(indicator).ifPresent(span -> dataset.put("temporalCoverage", span));
        ArrayNode citations = dataset.putArray("citation");
        for (DocumentRef document : indicator.sources()) {
            ObjectNode article = citations.addObject().put("@type", "NewsArticle").put("headline", document.title().original());
            ArrayNode identifiers = article.putArray("identifier").add(document.id());
            identifiers.addObject().put("@type", "PropertyValue").put("propertyID", "sha256").put("value", document.sha256());
            article.putObject("publisher").put("@type", "Organization").put("name", document.publisher().original());
            date(article, document.published());
        }
        ArrayNode basedOn = dataset.putArray("isBasedOn");
        for (PublicationRef publication : indicator.publications()) {
            ObjectNode work = basedOn.addObject().put("@type", "CreativeWork")
                    .put("identifier", publication.id()).put("name", publication.title().original());
            work.putObject("publisher").put("@type", "Organization").put("name", publication.publisher().original());
            date(work, publication.published());
            if (publication.url() != null) {
                work.put("url", publication.url());
            }
        }
        try {
            return json.writeValueAsBytes(dataset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A published date, as precise as it is known; left out when unknown. */
    private static void date(ObjectNode work, io.indicators.common.api.DatePublished published) {
        if (published != null && published.date() != null && !"unknown".equals(published.basis())) {
            work.put("datePublished", published.date());
        }
    }

    /** From the first day of the earliest series period to the last day of the latest, as an ISO 8601 interval. */
    private static java.util.Optional<String> temporalCoverage(IndicatorDetail indicator) {
        if (indicator.series().isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate start = indicator.series().stream().map(SeriesSummary::firstPeriod).map(ReferencePeriod::parse)
                .map(ReferencePeriod::start).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate end = indicator.series().stream().map(SeriesSummary::lastPeriod).map(ReferencePeriod::parse)
                .map(ReferencePeriod::end).max(Comparator.naturalOrder()).orElseThrow();
        return java.util.Optional.of(start + "/" + end);
    }

}
