package io.indicators.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.indicators.common.api.AsStated;
import io.indicators.common.api.Derivation;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.api.SeriesPoint;
import io.indicators.common.http.EntityTags;
import io.indicators.common.problem.ApiException;
import io.indicators.common.problem.ProblemError;
import io.indicators.release.MetadataWriter.Known;
import io.indicators.release.QuoteAnchors.Anchored;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ValueWriter.CurrentValue;
import io.indicators.release.ValueWriter.NewValue;
import io.indicators.release.ValueWriter.Point;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

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
    private final MetadataWriter metadata;
    private final ValueWriter writer;
    private final ReleaseValidator validator;
    private final ReleaseQueries releaseQueries;
    private final EntityTags entityTags;
    private final ObjectMapper canonicalJson;

    ReleaseService(ReleaseRepository releases, MetadataWriter metadata, ValueWriter writer, ReleaseValidator validator,
            ReleaseQueries releaseQueries, EntityTags entityTags, ObjectMapper json) {
        this.releases = releases;
        this.metadata = metadata;
        this.writer = writer;
        this.validator = validator;
        this.releaseQueries = releaseQueries;
        this.entityTags = entityTags;
        // 1000 and 1000.0 are the same number: a retry that writes it differently is the same release.
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .registerModule(new SimpleModule("canonical-numbers").addSerializer(BigDecimal.class,
                        new StdSerializer<>(BigDecimal.class) {
                            @Override
                            public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                                    throws IOException {
                                generator.writeNumber(value.stripTrailingZeros().toPlainString());
                            }
                        }));
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

        /** Builds on exactly this release; null: on an empty catalogue. */
        public static Precondition builtOn(String releaseId) {
            return new Precondition(null, releaseId);
        }
    }

    /** Idempotency keys are the publisher's own: two publishers choosing the same key never see each other's release. */
    public static String scopedKey(String publisher, String idempotencyKey) {
        return publisher + " " + idempotencyKey;
    }

    public Outcome publish(ReleaseRequest request, String publisher, String idempotencyKey, Precondition precondition) {
        lockCatalogue();
        String contentSha256 = sha256(request);
        String scopedKey = idempotencyKey == null ? null : scopedKey(publisher, idempotencyKey);
        if (scopedKey != null) {
            Optional<Release> earlier = releases.findByIdempotencyKey(scopedKey);
            if (earlier.isPresent()) {
                if (!earlier.get().contentSha256.equals(contentSha256)) {
                    throw ApiException.conflict("Idempotency-Key '" + idempotencyKey
                            + "' was used for a different release body (release '" + earlier.get().id + "')");
                }
                return new Outcome(earlier.get(), 0, true);
            }
        }
        Optional<Release> head = releases.head();
        check(precondition, head);
        Set<Point> points = touchedPoints(request);
        Map<Point, CurrentValue> current = writer.current(points);
        Known known = known(request, points);
        List<ProblemError> errors = validator.validate(request, known,
                (indicator, geo, period) -> Optional.ofNullable(current.get(new Point(indicator, geo, period)))
                        .filter(value -> !value.retracted()).isPresent());
        if (!errors.isEmpty()) {
            throw ApiException.invalidRelease(errors);
        }
        Instant releasedAt = nextInstant(head);
        Map<String, String> documentSha256 = new HashMap<>(known.documentSha256());
        request.documents().forEach(document -> documentSha256.put(document.id(), document.sha256()));
        QuoteAnchors.Result anchored = QuoteAnchors.anchor(request.observations(), request.documentTexts(),
                documentSha256, releasedAt);
        if (!anchored.errors().isEmpty()) {
            throw ApiException.invalidRelease(anchored.errors());
        }
        if (releases.findById(request.release().id()) != null) {
            throw ApiException.conflict("Release '" + request.release().id() + "' already exists; a release id is used once");
        }
        Map<Point, BigDecimal> after = valuesAfter(request, current);
        List<ProblemError> underived = checkDerivations(request.observations(), after);
        if (!underived.isEmpty()) {
            throw ApiException.invalidRelease(underived);
        }

        List<NewValue> changed = new ArrayList<>();
        int added = 0;
        int revised = 0;
        for (int i = 0; i < request.observations().size(); i++) {
            ObservationInput input = request.observations().get(i);
            List<Anchored> citations = anchored.citations().get(i);
            CurrentValue value = current.get(new Point(input.indicator(), input.geo(), input.period()));
            if (value != null && sameContent(value, input, citations)) {
                continue;
            }
            changed.add(new NewValue(input, citations));
            if (value != null && !value.retracted()) {
                revised++;
            } else {
                added++;
            }
        }
        List<NewValue> rederived = rederive(request, changed, current, after);
        changed.addAll(rederived);
        revised += rederived.size();

        Release release = new Release();
        release.id = request.release().id();
        release.seq = head.map(r -> r.seq + 1).orElse(1L);
        release.releasedAt = releasedAt;
        release.description = request.release().description();
        release.contentSha256 = contentSha256;
        release.idempotencyKey = scopedKey;
        release.publishedBy = publisher;
        release.added = added;
        release.revised = revised;
        release.retracted = request.retractions().size();
        releases.persist(release);
        // The rest goes in as SQL on the same connection: the release row must be written first.
        releases.getEntityManager().flush();
        metadata.write(release, request);
        writer.write(release, changed, request.retractions(), current, this::toJson);
        return new Outcome(release, request.observations().size() - changed.size(), false);
    }

    /** Every value as it will stand once the release lands: its own values over the current ones, minus retractions. */
    private static Map<Point, BigDecimal> valuesAfter(ReleaseRequest request, Map<Point, CurrentValue> current) {
        Map<Point, BigDecimal> after = new HashMap<>();
        current.forEach((point, value) -> {
            if (!value.retracted() && value.value() != null) {
                after.put(point, value.value());
            }
        });
        request.observations().forEach(o -> after.put(new Point(o.indicator(), o.geo(), o.period()), o.value()));
        request.retractions().forEach(r -> after.remove(new Point(r.indicator(), r.geo(), r.period())));
        after.values().removeIf(Objects::isNull);
        return after;
    }

    /**
     * A derived value is computed, not typed: the value a release states for it must be its inputs' result within
     * the stated rounding (5.3 for 8579 / 1609 = 5.33), or the release is refused naming both numbers.
     */
    private static List<ProblemError> checkDerivations(List<ObservationInput> observations, Map<Point, BigDecimal> after) {
        List<ProblemError> errors = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            ObservationInput observation = observations.get(i);
            if (observation.derivation() == null) {
                continue;
            }
            String at = "/observations/" + i;
            if (observation.value() == null) {
                errors.add(ProblemError.atPointer(at + "/value", "a derived value is a single number"));
                continue;
            }
            Optional<BigDecimal> computed = compute(observation.derivation(), after, at, errors);
            if (computed.isPresent() && !Derivations.consistent(observation.value(), computed.get())) {
                errors.add(ProblemError.atPointer(at + "/value", "states " + observation.value().toPlainString()
                        + ", but " + formula(observation.derivation(), after) + " = "
                        + computed.get().round(new MathContext(8)).toPlainString() + ", which is not within ±"
                        + Derivations.tolerance(observation.value()).toPlainString()
                        + " (the rounding of the stated value)"));
            }
        }
        return errors;
    }

    private static Optional<BigDecimal> compute(Derivation derivation, Map<Point, BigDecimal> after,
            String at, List<ProblemError> errors) {
        BigDecimal a = after.get(point(derivation.inputs().get(0)));
        BigDecimal b = after.get(point(derivation.inputs().get(1)));
        if (a == null || b == null) {
            errors.add(ProblemError.atPointer(at + "/derivation/inputs/" + (a == null ? 0 : 1),
                    "has no single current number to compute from"));
            return Optional.empty();
        }
        if (!Derivations.defined(derivation.operation(), b)) {
            errors.add(ProblemError.atPointer(at + "/derivation/inputs/1", "is zero; " + derivation.operation()
                    + " divides by it"));
            return Optional.empty();
        }
        return Optional.of(Derivations.compute(derivation.operation(), a, b));
    }

    private static String formula(Derivation derivation, Map<Point, BigDecimal> after) {
        return derivation.operation() + "(" + after.get(point(derivation.inputs().get(0))).toPlainString() + ", "
                + after.get(point(derivation.inputs().get(1))).toPlainString() + ")";
    }

    private static Point point(SeriesPoint input) {
        return new Point(input.indicator(), input.geo(), input.period());
    }

    private static Point point(ObservationInput input) {
        return new Point(input.indicator(), input.geo(), input.period());
    }

    /**
     * The derived values this release changes without naming them: when an input is revised, the value computed
     * from it gets a new version in the same release, rounded as it was stated, cited by its inputs' quotes, and
     * with a reason that names the revision. A derived value the release publishes itself was checked above.
     */
    private List<NewValue> rederive(ReleaseRequest request, List<NewValue> changed, Map<Point, CurrentValue> current,
            Map<Point, BigDecimal> after) {
        String releaseId = request.release().id();
        Map<Point, NewValue> changedInputs = new HashMap<>();
        changed.forEach(value -> changedInputs.put(point(value.input()), value));
        Set<Point> published = new HashSet<>();
        request.observations().forEach(o -> published.add(point(o)));
        Map<Point, CurrentValue> derived = writer.derivedFrom(changedInputs.keySet());
        derived.keySet().removeAll(published);
        if (derived.isEmpty()) {
            return List.of();
        }
        Map<Point, Derivation> derivations = new HashMap<>();
        Set<Point> unknownInputs = new HashSet<>();
        derived.forEach((point, value) -> {
            Derivation derivation = fromJson(value.derivation());
            derivations.put(point, derivation);
            derivation.inputs().stream().map(ReleaseService::point)
                    .filter(input -> !changedInputs.containsKey(input) && !current.containsKey(input))
                    .forEach(unknownInputs::add);
        });
        Map<Point, CurrentValue> otherInputs = writer.current(unknownInputs);
        otherInputs.forEach((point, value) -> {
            if (!value.retracted() && value.value() != null) {
                after.putIfAbsent(point, value.value());
            }
        });
        List<NewValue> rederived = new ArrayList<>();
        for (var entry : derived.entrySet()) {
            Point point = entry.getKey();
            CurrentValue value = entry.getValue();
            Derivation derivation = derivations.get(point);
            List<ProblemError> ignored = new ArrayList<>();
            Optional<BigDecimal> computed = compute(derivation, after, "", ignored);
            if (computed.isEmpty()) {
                continue;
            }
            BigDecimal rounded = Derivations.roundedLike(computed.get(), value.value());
            if (rounded.compareTo(value.value()) == 0) {
                continue;
            }
            List<String> revisedInputs = derivation.inputs().stream().map(ReleaseService::point)
                    .filter(changedInputs::containsKey).map(p -> p.indicator() + " " + p.geo() + " " + p.period()).toList();
            String reason = "Derived again: its input " + String.join(" and ", revisedInputs) + " changed in release "
                    + releaseId + "; " + formula(derivation, after) + " = " + rounded.toPlainString()
                    + " (was " + value.value().toPlainString() + ")";
            List<Anchored> citations = new ArrayList<>();
            for (SeriesPoint input : derivation.inputs()) {
                NewValue revised = changedInputs.get(point(input));
                List<Anchored> cited = revised != null ? revised.citations()
                        : Optional.ofNullable(current.getOrDefault(point(input), otherInputs.get(point(input))))
                                .map(CurrentValue::citations).orElse(List.of());
                cited.stream().filter(c -> citations.stream().noneMatch(c::sameAs)).forEach(citations::add);
            }
            current.put(point, value);
            rederived.add(new NewValue(new ObservationInput(point.indicator(), point.geo(), point.period(),
                    value.periodBasis(), rounded, null, null, null, "derived", null, reason, derivation, List.of()),
                    citations));
        }
        return rederived;
    }

    private Derivation fromJson(String json) {
        try {
            return canonicalJson.readValue(json, Derivation.class);
        } catch (IOException e) {
            throw new IllegalStateException("A stored derivation is not JSON: " + json, e);
        }
    }

    /** What the catalogue says now about every indicator, document and publication the release names. */
    private Known known(ReleaseRequest request, Set<Point> points) {
        Set<String> indicatorIds = new HashSet<>();
        points.forEach(point -> indicatorIds.add(point.indicator()));
        request.indicators().stream().filter(Objects::nonNull).forEach(indicator -> indicatorIds.add(indicator.id()));
        Set<String> documentIds = new HashSet<>();
        Set<String> publicationIds = new HashSet<>();
        request.documents().stream().filter(Objects::nonNull).forEach(document -> documentIds.add(document.id()));
        request.documentTexts().stream().filter(Objects::nonNull).forEach(text -> documentIds.add(text.document()));
        request.publications().stream().filter(Objects::nonNull).forEach(publication -> publicationIds.add(publication.id()));
        for (ObservationInput observation : request.observations()) {
            if (observation != null && observation.citations() != null) {
                for (CitationInput citation : observation.citations()) {
                    if (citation != null) {
                        documentIds.add(citation.document());
                        publicationIds.add(citation.publication());
                    }
                }
            }
        }
        return metadata.known(indicatorIds, documentIds, publicationIds);
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
            String current = entityTags.of(releaseQueries.list(null, QueryParameters.DEFAULT_LIMIT, null));
            if (!EntityTags.matches(precondition.ifMatch(), current)) {
                throw ApiException.preconditionFailed("If-Match " + precondition.ifMatch() + " is not the current entity tag of "
                        + "GET /v1/releases (" + current + "): another release landed; read the catalogue again and re-publish");
            }
        }
        String headId = head.map(r -> r.id).orElse(null);
        // Neither given: builds on an empty catalogue (the HTTP resource demands one of them, so only seeds get here).
        boolean onEmpty = precondition.ifMatch() == null && precondition.basedOn() == null;
        if (onEmpty && headId != null) {
            throw ApiException.conflict("The release builds on an empty catalogue, but the newest release is '" + headId + "'");
        }
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
                            request.indicators(), request.observations(), request.retractions(),
                            request.documentTexts()));
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

    /**
     * Whether a re-published value says exactly what the current version says. A citation verified only now is not
     * a new version: what it cites is the same.
     */
    private boolean sameContent(CurrentValue current, ObservationInput input, List<Anchored> citations) {
        return !current.retracted() && sameNumber(current.value(), input.value()) && sameNumber(current.low(), input.low())
                && sameNumber(current.high(), input.high()) && Objects.equals(current.status(), input.status())
                && Objects.equals(current.note(), input.note())
                && Objects.equals(current.periodBasis(), input.periodBasis())
                && sameAsStated(current.asStated(), input.asStated())
                && Objects.equals(current.derivation(), input.derivation() == null ? null : toJson(input.derivation()))
                && current.citations().size() == citations.size()
                && IntStream.range(0, citations.size())
                        .allMatch(i -> current.citations().get(i).sameAs(citations.get(i)));
    }

    private static boolean sameAsStated(AsStated a, AsStated b) {
        return a == null ? b == null : b != null && a.text().equals(b.text()) && sameNumber(a.number(), b.number())
                && sameNumber(a.low(), b.low()) && sameNumber(a.high(), b.high()) && a.multiplier().equals(b.multiplier());
    }

    /** 8579 and 8579.0 are the same value: a re-publish with a different scale is not a revision. */
    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private String toJson(Object value) {
        try {
            return canonicalJson.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
