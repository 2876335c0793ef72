package io.indicators.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.indicators.common.api.DatePublished;
import io.indicators.common.api.OriginalText;
import io.indicators.common.http.Representation;
import io.indicators.source.SourceViews.PublicationDetail;
import io.indicators.source.SourceViews.SourceDetail;

/**
 * A source document or a primary publication as a reference a reference manager imports: BibTeX, CSL-JSON and RIS.
 * Only what the catalogue records is written: no URL the source does not give, no date it does not have; an inferred
 * date is written and said to be inferred, an unknown one is left out. A document's note names its SHA-256, which
 * identifies the text the catalogue's quotes are anchored in; a publication's says it is known only through the
 * documents that cite it.
 */
public final class Citations {

    private Citations() {
    }

    /** What kind of work a reference is, in each format's own vocabulary. */
    public enum Kind {
        NEWS("article", "journal", "article-newspaper", "NEWS"),
        REPORT("techreport", "institution", "report", "RPRT"),
        DATASET("misc", "publisher", "dataset", "DBASE"),
        OTHER("misc", "publisher", "document", "GEN");

        final String bibtex;
        final String bibtexPublisher;
        final String csl;
        final String ris;

        Kind(String bibtex, String bibtexPublisher, String csl, String ris) {
            this.bibtex = bibtex;
            this.bibtexPublisher = bibtexPublisher;
            this.csl = csl;
            this.ris = ris;
        }
    }

    /** What the three formats write, from a document, a publication or a value's citation. */
    public record Reference(String id, Kind kind, OriginalText title, List<String> authors, String publisher,
            DatePublished published, String language, String url, String note) {

        /** The document, under its own id or another (a value's), with a note of the caller's. */
        public static Reference of(SourceDetail source, String id, String note) {
            return new Reference(id, Kind.NEWS, source.title(), source.authors(), source.publisher().original(),
                    source.published(), source.language(), source.url(), note);
        }
    }

    /** Something else these formats can write: it says what reference it is. */
    public interface Citable {
        @JsonIgnore
        Reference reference();
    }

    static Reference reference(Object entity) {
        return switch (entity) {
            case Citable citable -> citable.reference();
            case SourceDetail source -> Reference.of(source, source.id(), note(source));
            case PublicationDetail publication -> new Reference(publication.id(), switch (publication.kind()) {
                case "survey", "report", "index", "statement" -> Kind.REPORT;
                case "database" -> Kind.DATASET;
                default -> Kind.OTHER;
            }, publication.title(), List.of(), publication.publisher().original(), publication.published(), null,
                    publication.url(), note(publication));
            default -> throw new IllegalArgumentException("Not a reference: " + entity.getClass().getSimpleName());
        };
    }

    /** Year, month and day of a published date, as far as its precision goes; empty when unknown. */
    static List<Integer> dateParts(DatePublished date) {
        List<Integer> parts = new ArrayList<>();
        if (date == null || date.date() == null || "unknown".equals(date.basis())) {
            return parts;
        }
        for (String part : date.date().split("-")) {
            parts.add(Integer.parseInt(part));
        }
        return parts;
    }

    public static String note(SourceDetail source) {
        return dateNote(new StringBuilder("Text SHA-256 ").append(source.sha256()).append('.'), source.published(),
                "the document");
    }

    static String note(PublicationDetail publication) {
        return dateNote(new StringBuilder("Described as the catalogue's documents cite it; its own text was not read."),
                publication.published(), "the documents");
    }

    private static String dateNote(StringBuilder note, DatePublished published, String stater) {
        if (published != null && "inferred".equals(published.basis())) {
            note.append(" The publication date is inferred, not stated by ").append(stater).append('.');
        }
        if (published == null || "unknown".equals(published.basis())) {
            note.append(" The publication date is unknown.");
        }
        return note.toString();
    }

    @Singleton
    @Provider
    @Produces(BibTeX.MEDIA_TYPE)
    public static class BibTeX extends Representation {

        public static final String MEDIA_TYPE = "application/x-bibtex";
        private static final String[] MONTHS = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                "nov", "dec" };

        BibTeX() {
            super(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"), SourceDetail.class, PublicationDetail.class, Citable.class);
        }

        @Override
        public byte[] write(Object entity, String language) {
            Reference source = reference(entity);
            List<Integer> date = dateParts(source.published());
            StringBuilder entry = new StringBuilder("@").append(source.kind().bibtex).append("{").append(source.id())
                    .append(",\n");
            field(entry, "title", source.title().original());
            if (!source.authors().isEmpty()) {
                field(entry, "author", String.join(" and ", source.authors()));
            }
            field(entry, source.kind().bibtexPublisher, source.publisher());
            if (!date.isEmpty()) {
                field(entry, "year", Integer.toString(date.get(0)));
            }
            if (date.size() > 1) {
                entry.append("  month = ").append(MONTHS[date.get(1) - 1]).append(",\n");
            }
            if (date.size() > 2) {
                field(entry, "day", Integer.toString(date.get(2)));
            }
            if (source.language() != null) {
                field(entry, "language", source.language());
            }
            if (source.url() != null) {
                field(entry, "url", source.url());
            }
            field(entry, "note", source.note());
            return entry.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
        }

        private static void field(StringBuilder entry, String name, String value) {
            entry.append("  ").append(name).append(" = {").append(escape(value)).append("},\n");
        }

        /** BibTeX's special characters, so a title with braces or a percent sign stays what it is. */
        private static String escape(String value) {
            StringBuilder escaped = new StringBuilder();
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '\\' -> escaped.append("\\textbackslash{}");
                    case '{', '}', '%', '&', '$', '#', '_' -> escaped.append('\\').append(c);
                    case '~' -> escaped.append("\\textasciitilde{}");
                    case '^' -> escaped.append("\\textasciicircum{}");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }
    }

    @Singleton
    @Provider
    @Produces(CslJson.MEDIA_TYPE)
    public static class CslJson extends Representation {

        public static final String MEDIA_TYPE = "application/vnd.citationstyles.csl+json";

        private final ObjectMapper json;

        CslJson(ObjectMapper json) {
            super(MediaType.valueOf(MEDIA_TYPE), SourceDetail.class, PublicationDetail.class, Citable.class);
            this.json = json;
        }

        @Override
        public byte[] write(Object entity, String language) {
            Reference source = reference(entity);
            ArrayNode items = json.createArrayNode();
            ObjectNode item = items.addObject();
            item.put("id", source.id());
            item.put("type", source.kind().csl);
            item.put("title", source.title().original());
            if (source.title().en() != null) {
                item.put("title-short", source.title().en());
            }
            item.put(source.kind() == Kind.NEWS ? "container-title" : "publisher", source.publisher());
            ArrayNode authors = item.putArray("author");
            source.authors().forEach(author -> authors.addObject().put("literal", author));
            List<Integer> date = dateParts(source.published());
            if (!date.isEmpty()) {
                ArrayNode parts = item.putObject("issued").putArray("date-parts").addArray();
                date.forEach(parts::add);
            }
            if (source.language() != null) {
                item.put("language", source.language());
            }
            if (source.url() != null) {
                item.put("URL", source.url());
            }
            item.put("note", source.note());
            try {
                return json.writeValueAsBytes(items);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Singleton
    @Provider
    @Produces(Ris.MEDIA_TYPE)
    public static class Ris extends Representation {

        public static final String MEDIA_TYPE = "application/x-research-info-systems";

        Ris() {
            super(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"), SourceDetail.class, PublicationDetail.class, Citable.class);
        }

        @Override
        public byte[] write(Object entity, String language) {
            Reference source = reference(entity);
            StringBuilder ris = new StringBuilder();
            tag(ris, "TY", source.kind().ris);
            tag(ris, "ID", source.id());
            tag(ris, "TI", source.title().original());
            source.authors().forEach(author -> tag(ris, "AU", author));
            tag(ris, source.kind() == Kind.NEWS ? "T2" : "PB", source.publisher());
            List<Integer> date = dateParts(source.published());
            if (!date.isEmpty()) {
                tag(ris, "PY", Integer.toString(date.get(0)));
                tag(ris, "DA", date.get(0) + "/" + (date.size() > 1 ? String.format("%02d", date.get(1)) : "")
                        + "/" + (date.size() > 2 ? String.format("%02d", date.get(2)) : "") + "/");
            }
            if (source.language() != null) {
                tag(ris, "LA", source.language());
            }
            if (source.url() != null) {
                tag(ris, "UR", source.url());
            }
            tag(ris, "N1", source.note());
            tag(ris, "ER", "");
            return ris.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** A RIS line: two-letter tag, two spaces, a hyphen, a space; one line, so no line breaks in the value. */
        private static void tag(StringBuilder ris, String tag, String value) {
            ris.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append("\r\n");
        }
    }
}
