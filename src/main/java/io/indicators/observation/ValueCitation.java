package io.indicators.observation;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.observation.ObservationViews.IndicatorRef;
import io.indicators.observation.ObservationViews.ObservationView;
import io.indicators.source.Citations;
import io.indicators.source.Citations.Reference;
import io.indicators.source.SourceViews.SourceDetail;

/**
 * One value with the citation that states it, for a bibliography: as JSON, the value and its citations; as BibTeX,
 * CSL-JSON or RIS, the document that states it, with the value, the verbatim quote and where it is in the text in the
 * note, so a reader can find the sentence the number comes from.
 */
public record ValueCitation(IndicatorRef indicator, String geo, String period, ObservationView value,
        @JsonIgnore Reference reference) implements Citations.Citable {

    static ValueCitation of(IndicatorRef indicator, ObservationView value, CitationView citation, SourceDetail source) {
        String amount = value.value() != null ? value.value().toPlainString()
                : value.low().toPlainString() + "–" + value.high().toPlainString();
        StringBuilder note = new StringBuilder(indicator.id()).append(" (").append(indicator.name().en()).append("), ")
                .append(value.geo()).append(", ").append(value.period()).append(": ").append(amount).append(' ')
                .append(indicator.unit().code()).append(", published in release ").append(value.release())
                .append(". Quoted: “").append(citation.quote()).append("” (code points ")
                .append(citation.selectors().textPosition().start()).append('–')
                .append(citation.selectors().textPosition().end()).append(" of the text).");
        if (citation.publication() != null) {
            note.append(" The document cites ").append(citation.publication().title().original()).append(" (")
                    .append(citation.publication().publisher().original()).append(").");
        }
        note.append(' ').append(Citations.note(source));
        String key = source.id() + ":" + indicator.id() + ":" + value.geo() + ":" + value.period().replace('/', '-');
        return new ValueCitation(indicator, value.geo(), value.period(), value, Reference.of(source, key, note.toString()));
    }
}
