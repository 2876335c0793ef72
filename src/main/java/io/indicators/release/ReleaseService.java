package io.indicators.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.http.EntityTags;
import io.indicators.common.problem.ApiException;
import io.indicators.common.problem.ProblemError;
import io.indicators.indicator.Indicator;
import io.indicators.indicator.IndicatorRepository;
import io.indicators.common.api.DatePublished;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.PublicationInput;
import io.indicators.release.ValueWriter.CurrentValue;
import io.indicators.release.ValueWriter.Point;
import io.indicators.source.Document;
import io.indicators.source.DocumentRepository;
import io.indicators.source.Publication;
import io.indicators.source.PublicationRepository;
import io.indicators.source.PublishedDate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies releases: the only code path that writes the catalogue, used by the seed loader and by
 * {@code POST /v1/releases}. Values are appended as new versions; nothing published is rewritten.
 */
@ApplicationScoped
@Transactional
public class ReleaseService {

    /** Serialises publishers, so a release always builds on the one before it. */
    private static final long PUBLISH_LOCK = 0x1d1ca70e5L;

    private final ReleaseRepository releases;
    private final IndicatorRepository indicators;
    private final DocumentRepository documents;
    private final PublicationRepository publications;
    private final ValueWriter writer;
    private final ReleaseValidator validator;
    private final ReleaseQueries releaseQueries;
    private final EntityTags entityTags;
    private final ObjectMapper canonicalJson;

    ReleaseService(ReleaseRepository releases, IndicatorRepository indicators, DocumentRepository documents,
            PublicationRepository publications, ValueWriter writer, ReleaseValidator validator, ReleaseQueries releaseQueries,
            EntityTags entityTags, ObjectMapper json) {
        this.releases = releases;
        this.indicators = indicators;
        this.documents = documents;
        this.publications = publications;
        this.writer = writer;
        this.validator = validator;
        this.releaseQueries = releaseQueries;
        this.entityTags = entityTags;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * A release (which counts what it added, revised and retracted) and how many values it left as they were;
     * {@code replayed} when an idempotent retry returned an earlier release.
     */
    public record Outcome(Release release, int unchanged, boolean replayed) {
    }

    /**
     * What a publisher saw before publishing: the entity tag of {@code GET /v1/releases} ({@code If-Match}) and/or
     * the newest release id ({@code basedOn}). Checked under the publish lock, so a release that landed in between
     * fails the publish instead of being silently built upon.
     */
    public record Precondition(String ifMatch, String basedOn) {
    }

    /** @param precondition null only for the seed loader, which owns the catalogue at start-up */
    public Outcome publish(ReleaseRequest request, String publisher, String idempotencyKey, Precondition precondition) {
        lockCatalogue();
        String contentSha256 = sha256(request);
        if (idempotencyKey != null) {
            Optional<Release> earlier = releases.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().contentSha256.equals(contentSha256)) {
                    throw ApiException.conflict("Idempotency-Key '" + idempotencyKey
                            + "' was used for a different release body (release '" + earlier.get().id + "')");
                }
                return new Outcome(earlier.get(), 0, true);
            }
        }
        Optional<Release> head = releases.head();
        if (precondition != null) {
            check(precondition, head);
        }
        Map<Point, CurrentValue> current = writer.current(touchedPoints(request));
        List<ProblemError> errors = validator.validate(request,
                (indicator, geo, period) -> Optional.ofNullable(current.get(new Point(indicator, geo, period)))
                        .filter(value -> !value.retracted()).isPresent());
        if (!errors.isEmpty()) {
            throw ApiException.invalidRelease(errors);
        }
        if (releases.findById(request.release().id()) != null) {
            throw ApiException.conflict("Release '" + request.release().id() + "' already exists; a release id is used once");
        }

        List<ObservationInput> changed = new ArrayList<>();
        int added = 0;
        int revised = 0;
        for (ObservationInput input : request.observations()) {
            CurrentValue value = current.get(new Point(input.indicator(), input.geo(), input.period()));
            if (value != null && sameContent(value, input)) {
                continue;
            }
            changed.add(input);
            if (value != null && !value.retracted()) {
                revised++;
            } else {
                added++;
            }
        }

        Release release = new Release();
        release.id = request.release().id();
        release.seq = head.map(r -> r.seq + 1).orElse(1L);
        release.releasedAt = nextInstant(head);
        release.description = request.release().description();
        release.contentSha256 = contentSha256;
        release.idempotencyKey = idempotencyKey;
        release.publishedBy = publisher;
        release.added = added;
        release.revised = revised;
        release.retracted = request.retractions().size();
        releases.persist(release);
        request.documents().forEach(this::upsert);
        request.publications().forEach(this::upsert);
        request.indicators().forEach(this::upsert);
        // The values go in as set-based statements on the same connection: the entities above must be written first.
        releases.getEntityManager().flush();
        writer.write(release, changed, request.retractions(), current, this::toJson);
        return new Outcome(release, request.observations().size() - changed.size(), false);
    }

    /** Every series point the release names: its values, its retractions and the inputs of its derivations. */
    private static Set<Point> touchedPoints(ReleaseRequest request) {
        Set<Point> points = new HashSet<>();
        for (ObservationInput input : request.observations()) {
            if (input != null) {
                points.add(new Point(input.indicator(), input.geo(), input.period()));
                if (input.derivation() != null && input.derivation().inputs() != null) {
                    input.derivation().inputs().stream().filter(Objects::nonNull)
                            .forEach(p -> points.add(new Point(p.indicator(), p.geo(), p.period())));
                }
            }
        }
        request.retractions().stream().filter(Objects::nonNull)
                .forEach(r -> points.add(new Point(r.indicator(), r.geo(), r.period())));
        points.removeIf(p -> p.indicator() == null || p.geo() == null || p.period() == null);
        return points;
    }

    private void check(Precondition precondition, Optional<Release> head) {
        if (precondition.ifMatch() != null) {
            String current = entityTags.of(releaseQueries.list(null, QueryParameters.DEFAULT_LIMIT));
            if (!EntityTags.matches(precondition.ifMatch(), current)) {
                throw ApiException.preconditionFailed("If-Match " + precondition.ifMatch() + " is not the current entity tag of "
                        + "GET /v1/releases (" + current + "): another release landed; read the catalogue again and re-publish");
            }
        }
        String headId = head.map(r -> r.id).orElse(null);
        if (precondition.basedOn() != null && !precondition.basedOn().equals(headId)) {
            throw ApiException.conflict("The release is based on '" + precondition.basedOn() + "' but the newest release is '"
                    + headId + "': another release landed; read the catalogue again and re-publish");
        }
    }

    /** The content hash of a release body, independent of formatting: what an idempotent retry must repeat. */
    private String sha256(ReleaseRequest request) {
        try {
            // Digested as it is written: a large release's canonical form is never held in memory whole.
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            canonicalJson.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
                    new ReleaseRequest(request.release(), null, request.documents(), request.publications(),
                            request.indicators(), request.observations(), request.retractions()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash a release body", e);
        }
    }

    private void lockCatalogue() {
        releases.getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) lock")
                .setParameter("key", PUBLISH_LOCK)
                .getSingleResult();
    }

    /** Release times strictly increase even if the clock steps back, so real-time periods never overlap. */
    private static Instant nextInstant(Optional<Release> head) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return head.map(r -> r.releasedAt.plus(1, ChronoUnit.MICROS))
                .filter(earliest -> earliest.isAfter(now))
                .orElse(now);
    }

    private boolean sameContent(CurrentValue current, ObservationInput input) {
        return !current.retracted() && sameNumber(current.value(), input.value()) && sameNumber(current.low(), input.low())
                && sameNumber(current.high(), input.high()) && Objects.equals(current.status(), input.status())
                && Objects.equals(current.note(), input.note())
                && Objects.equals(current.derivation(), input.derivation() == null ? null : toJson(input.derivation()))
                && current.citations().equals(input.citations());
    }

    /** 8579 and 8579.0 are the same value: a re-publish with a different scale is not a revision. */
    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void upsert(DocumentInput input) {
        Document document = Optional.ofNullable(documents.findById(input.id())).orElseGet(Document::new);
        document.id = input.id();
        document.fileName = input.fileName();
        document.sha256 = input.sha256();
        document.publisherOriginal = input.publisher().original();
        document.publisherEn = input.publisher().en();
        document.titleOriginal = input.title().original();
        document.titleEn = input.title().en();
        document.authors = input.authors() == null ? new String[0] : input.authors().toArray(String[]::new);
        document.language = input.language();
        document.url = input.url();
        document.published = published(input.published());
        document.note = input.note();
        documents.persist(document);
    }

    private void upsert(PublicationInput input) {
        Publication publication = Optional.ofNullable(publications.findById(input.id())).orElseGet(Publication::new);
        publication.id = input.id();
        publication.publisherOriginal = input.publisher().original();
        publication.publisherEn = input.publisher().en();
        publication.titleOriginal = input.title().original();
        publication.titleEn = input.title().en();
        publication.kind = input.kind();
        publication.url = input.url();
        publication.published = published(input.published());
        publications.persist(publication);
    }

    private void upsert(IndicatorInput input) {
        Indicator indicator = Optional.ofNullable(indicators.findById(input.id())).orElseGet(Indicator::new);
        indicator.id = input.id();
        indicator.nameKo = input.name().ko();
        indicator.nameEn = input.name().en();
        indicator.descriptionKo = input.description() == null ? null : input.description().ko();
        indicator.descriptionEn = input.description() == null ? null : input.description().en();
        indicator.unitCode = input.unit().code();
        indicator.unitMultiplier = ReleaseValidator.multiplier(input);
        indicator.frequency = input.frequency();
        indicator.valueKind = input.valueKind();
        indicator.topics = input.topics() == null ? new String[0] : input.topics().toArray(String[]::new);
        indicators.persist(indicator);
    }

    private static PublishedDate published(DatePublished input) {
        PublishedDate date = new PublishedDate();
        date.date = input.date();
        date.precision = "unknown".equals(input.basis()) ? null : input.precision();
        date.basis = input.basis();
        date.evidence = input.evidence();
        return date;
    }

    private String toJson(Object value) {
        try {
            return canonicalJson.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
