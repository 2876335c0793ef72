package io.indicators.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.indicators.catalogue.SeedCatalogue.ReleaseFile;
import io.indicators.common.api.DatePublished;
import io.indicators.common.api.Unit;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.PublicationInput;

/** Renders {@code seeds/CATALOGUE.md}: every indicator, its series, its current values and its sources. */
final class CataloguePage {

    static final String REGENERATE = "./mvnw test -Dtest=CataloguePageTest -Dcatalogue.write=true";

    private CataloguePage() {
    }

    static String render(SeedCatalogue seeds) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated from seeds/ by CataloguePageTest; do not edit by hand. Regenerate with\n     ")
                .append(REGENERATE).append(" -->\n\n");
        md.append("# The seed catalogue\n\n");
        md.append("What the service serves from `seeds/`: the state after applying ")
                .append(seeds.releases.stream().map(r -> "`" + r.file() + "`").collect(Collectors.joining(", ")))
                .append(" in that order (`seeds/catalogue.yaml`). ")
                .append(seeds.documents.size()).append(" documents, ")
                .append(seeds.publications.size()).append(" primary publications, ")
                .append(seeds.indicators.size()).append(" indicators, ")
                .append(seeds.current.size()).append(" current values.\n\n");
        md.append("Values are in the indicator's unit, in its base amount: there is no multiplier (260,000 GPUs, ")
                .append("not 26 ×10^4); each value's `asStated` keeps the article's own written form (\"26만 장\": 26 ×10^4). ")
                .append("A range is low–high. A value that is not a plain observation says so: *estimated*, *projected* ")
                .append("(a forecast or pledge) or *derived* (computed by the service from the values it names). Every ")
                .append("value carries a verbatim quote from its document, located in the text whose SHA-256 is recorded ")
                .append("by its start and end (code points) and the 32 code points before and after it, and a ")
                .append("`periodBasis` saying whether its period is stated by the text or inferred (and from what); see ")
                .append("`/v1/indicators/{id}/observations`.\n\n");

        md.append("## Indicators\n\n");
        md.append("| Indicator | Name | Unit | Series: period = value | Sources |\n");
        md.append("|---|---|---|---|---|\n");
        for (IndicatorInput indicator : seeds.indicators.values()) {
            List<ObservationInput> values = seeds.observationsOf(indicator.id());
            md.append("| `").append(indicator.id()).append("` | ")
                    .append(cell(indicator.name().en())).append("<br>").append(cell(indicator.name().ko())).append(" | ")
                    .append(unit(indicator.unit())).append(" | ")
                    .append(series(values)).append(" | ")
                    .append(sources(seeds, values)).append(" |\n");
        }

        md.append("\n## Documents\n\n");
        md.append("The source texts are not in this repository; each is identified by its file name and SHA-256 ")
                .append("(checked by the test suite against `../shared/seeds/`).\n\n");
        md.append("| File | Document | Published | Values | Note |\n");
        md.append("|---|---|---|---:|---|\n");
        for (DocumentInput document : seeds.documents.values().stream()
                .sorted(Comparator.comparing(DocumentInput::fileName)).toList()) {
            long count = seeds.current.values().stream().filter(c -> c.observation().citations().stream()
                    .anyMatch(citation -> citation.document().equals(document.id()))).count();
            md.append("| `").append(document.fileName()).append("` | ")
                    .append(cell(document.publisher().en())).append(" (").append(cell(document.publisher().original()))
                    .append("): ").append(cell(document.title().original())).append("<br>`").append(document.id())
                    .append("` | ").append(date(document.published())).append(" | ").append(count).append(" | ")
                    .append(count == 0 ? cell(document.note()) : "").append(" |\n");
        }

        md.append("\n## Primary publications\n\n");
        md.append("The reports, surveys and statements the articles attribute values to, named as the articles name ")
                .append("them. A URL is recorded only where a document gives one.\n\n");
        md.append("| Publication | Publisher | Kind | Published | URL |\n");
        md.append("|---|---|---|---|---|\n");
        for (PublicationInput publication : seeds.publications.values()) {
            md.append("| `").append(publication.id()).append("`: ").append(cell(title(publication))).append(" | ")
                    .append(cell(publication.publisher().en() != null ? publication.publisher().en()
                            : publication.publisher().original()))
                    .append(" | ").append(publication.kind()).append(" | ").append(date(publication.published()))
                    .append(" | ").append(publication.url() == null ? "—" : cell(publication.url())).append(" |\n");
        }

        md.append("\n## Releases\n\n");
        for (ReleaseFile release : seeds.releases) {
            md.append("- `").append(release.file()).append("`: release `").append(release.request().release().id())
                    .append("`, ").append(release.request().observations().size()).append(" values, ")
                    .append(release.request().retractions().size()).append(" retractions\n");
        }
        return md.toString();
    }

    private static String series(List<ObservationInput> values) {
        if (values.isEmpty()) {
            return "—";
        }
        Map<String, List<ObservationInput>> byGeo = new LinkedHashMap<>();
        values.forEach(v -> byGeo.computeIfAbsent(v.geo(), g -> new ArrayList<>()).add(v));
        List<String> lines = new ArrayList<>();
        byGeo.forEach((geo, list) -> lines.add("**" + geo + "** " + list.stream()
                .sorted(Comparator.comparing((ObservationInput o) -> ReferencePeriod.parse(o.period()).start())
                        .thenComparing(o -> ReferencePeriod.parse(o.period()).end()))
                .map(o -> o.period() + " = " + value(o)).collect(Collectors.joining("; "))));
        return String.join("<br>", lines);
    }

    private static String value(ObservationInput o) {
        String value = o.value() != null ? number(o.value()) : number(o.low()) + "–" + number(o.high());
        return "observed".equals(o.status()) ? value : value + " *" + o.status() + "*";
    }

    private static String sources(SeedCatalogue seeds, List<ObservationInput> values) {
        Set<String> documents = new LinkedHashSet<>();
        Set<String> publications = new LinkedHashSet<>();
        boolean unnamed = false;
        for (ObservationInput value : values) {
            for (CitationInput citation : value.citations()) {
                DocumentInput document = seeds.documents.get(citation.document());
                documents.add("`" + document.fileName() + "` (" + document.publisher().en() + ")");
                if (citation.publication() == null) {
                    unnamed = true;
                } else {
                    PublicationInput publication = seeds.publications.get(citation.publication());
                    publications.add(publication.publisher().en() + ", *" + title(publication) + "*");
                }
            }
        }
        List<String> lines = new ArrayList<>(documents);
        publications.forEach(p -> lines.add("Primary: " + p));
        if (unnamed) {
            lines.add("Primary: none named" + (publications.isEmpty() ? "" : " (for some values)"));
        }
        return cell(String.join("<br>", lines));
    }

    private static String title(PublicationInput publication) {
        return publication.title().en() != null ? publication.title().en() : publication.title().original();
    }

    private static String unit(Unit unit) {
        return unit.code();
    }

    private static String date(DatePublished date) {
        if (date == null || "unknown".equals(date.basis()) || date.date() == null) {
            return "unknown";
        }
        return date.date() + " (" + date.basis() + ")";
    }

    /** A number as stated, its integer part grouped by thousands: 38000 → 38,000, 0.79 → 0.79. */
    static String number(BigDecimal value) {
        String plain = value.toPlainString();
        String sign = plain.startsWith("-") ? "-" : "";
        String digits = sign.isEmpty() ? plain : plain.substring(1);
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder grouped = new StringBuilder(integer);
        for (int i = integer.length() - 3; i > 0; i -= 3) {
            grouped.insert(i, ',');
        }
        return sign + grouped + fraction;
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").strip();
    }
}
