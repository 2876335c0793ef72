package io.indicators.release;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
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
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.Derivation;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.api.SeriesPoint;
import io.indicators.common.digest.Sha256;
import io.indicators.common.http.EntityTags;
import io.indicators.common.problem.ApiException;
import io.indicators.release.MetadataWriter.Known;
import io.indicators.release.QuoteAnchors.Anchored;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.RetractionInput;
import io.indicators.release.StagedItems.Item;
import io.indicators.release.ValueWriter.CurrentValue;
import io.indicators.release.ValueWriter.NewValue;
import io.indicators.release.ValueWriter.Point;

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
    private final StagedItems staged;
    private final ReleaseQueries releaseQueries;
    private final EntityTags entityTags;
    private final ObjectMapper canonicalJson;

    ReleaseService(ReleaseRepository releases, MetadataWriter metadata, ValueWriter writer, ReleaseValidator validator,
            StagedItems staged, ReleaseQueries releaseQueries, EntityTags entityTags, ObjectMapper json) {
        this.releases = releases;
        this.metadata = metadata;
        this.writer = writer;
        this.validator = validator;
        this.staged = staged;
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

        /** What a request names, which must be something: a publisher always says what it builds on. */
        public static Precondition named(String ifMatch, String basedOn) {
            if (ifMatch == null && basedOn == null) {
                throw ApiException.preconditionRequired("Name the state this release builds on: send If-Match with the "
                        + "ETag of GET /v1/releases, or basedOn with the newest release id");
            }
            return new Precondition(ifMatch, basedOn);
        }
    }

    /** Idempotency keys are the publisher's own: two publishers choosing the same key never see each other's release. */
    public static String scopedKey(String publisher, String idempotencyKey) {
        return publisher + " " + idempotencyKey;
    }

    /**
     * Publishes a release read from {@code body}: its values are staged in the database as they are read, then
     * checked and written a chunk at a time, so the heap holds one chunk whatever the release's size. Everything
     * happens in one transaction: a release with any error writes nothing.
     *
     * @param precondition what the release builds on, given the basedOn it names
     */
    public Outcome publish(ReleaseBody body, String publisher, String idempotencyKey,
            Function<String, Precondition> precondition) {
        StagedItems.Sink sink = staged.sink();
        ReleaseErrors errors = new ReleaseErrors();
        ReleaseRequest header = body.read(sink, errors);
        sink.finish();
        Precondition builtOn = precondition.apply(header.basedOn());
        lockCatalogue();
        String contentSha256 = sha256(header, sink);
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
        check(builtOn, head);

        Release release = new Release();
        release.id = header.release() == null ? null : header.release().id();
        release.seq = head.map(r -> r.seq + 1).orElse(1L);
        release.releasedAt = nextInstant(head);
        release.description = header.release() == null ? null : header.release().description();
        release.contentSha256 = contentSha256;
        release.idempotencyKey = scopedKey;
        release.publishedBy = publisher;
        boolean idTaken = release.id != null && releases.findById(release.id) != null;

        Application application = new Application(release, header, errors);
        application.start(sink.observations() + sink.retractions());
        application.writing = application.errors.isEmpty() && !idTaken;
        if (application.writing) {
            // The release row goes in last, with its counts; what references it is checked when the transaction commits.
            releases.getEntityManager().createNativeQuery("set constraints all deferred").executeUpdate();
            metadata.write(release, header);
        }
        application.observations(false);
        application.retractions();
        application.observations(true);
        application.rederive();
        application.errors.throwIfAny();
        if (idTaken) {
            throw ApiException.conflict("Release '" + release.id + "' already exists; a release id is used once");
        }
        release.added = application.added;
        release.revised = application.revised;
        release.retracted = application.retracted;
        releases.persist(release);
        releases.getEntityManager().flush();
        writer.finish(release, application.tally);
        return new Outcome(release, application.unchanged, false);
    }

    /** Values and retractions checked and written a chunk at a time: what the heap holds of a release at once. */
    static final int CHUNK = 2_000;

    /**
     * One release being applied: its checks so far, and what it has written. Writing stops at the first error, but
     * checking goes on, so the publisher hears of every error in one answer; the transaction then writes nothing.
     */
    private final class Application {
        final Release release;
        final ReleaseRequest header;
        final ReleaseErrors errors;
        final ValueWriter.Tally tally = new ValueWriter.Tally();
        ReleaseValidator.Scope scope;
        QuoteAnchors anchors;
        boolean writing;
        int added;
        int revised;
        int retracted;
        int unchanged;

        Application(Release release, ReleaseRequest header, ReleaseErrors errors) {
            this.release = release;
            this.header = header;
            this.errors = errors;
        }

        /** Checks the release itself, its metadata, its document texts, and that it names no point twice. */
        void start(long items) {
            Set<String> indicatorIds = new HashSet<>();
            Set<String> documentIds = new HashSet<>();
            Set<String> publicationIds = new HashSet<>();
            header.indicators().stream().filter(Objects::nonNull).forEach(indicator -> indicatorIds.add(indicator.id()));
            header.documents().stream().filter(Objects::nonNull).forEach(document -> documentIds.add(document.id()));
            header.documentTexts().stream().filter(Objects::nonNull).forEach(text -> documentIds.add(text.document()));
            header.publications().stream().filter(Objects::nonNull)
                    .forEach(publication -> publicationIds.add(publication.id()));
            Known known = metadata.known(indicatorIds, documentIds, publicationIds);
            scope = validator.header(header, items, known, errors);
            for (String pointer : staged.repeatedPoints(ApiException.MAX_ERRORS)) {
                errors.add(pointer, pointer.startsWith(StagedItems.Kind.OBSERVATION.pointer)
                        ? "the same indicator, geo and period appear twice in this release"
                        : "the same value is both published and retracted, or retracted twice, in this release");
            }
            Map<String, String> documentSha256 = new HashMap<>(known.documentSha256());
            header.documents().stream().filter(Objects::nonNull).forEach(d -> documentSha256.put(d.id(), d.sha256()));
            anchors = QuoteAnchors.of(header.documentTexts(), documentSha256, errors);
        }

        /**
         * Checks and writes the values, a chunk at a time: those given outright, or (once those and the retractions
         * are written, so the catalogue holds the inputs as they will stand) the derived ones.
         */
        void observations(boolean derived) {
            int after = -1;
            for (List<Item<ObservationInput>> chunk; !(chunk = staged.read(StagedItems.Kind.OBSERVATION,
                    ObservationInput.class, after, CHUNK, derived)).isEmpty(); after = chunk.getLast().ordinal()) {
                List<Item<ObservationInput>> values = chunk.stream()
                        .filter(item -> derived || item.value() == null || item.value().derivation() == null).toList();
                Known known = known(values.stream().map(Item::value).toList());
                Map<Integer, List<Anchored>> anchored = new HashMap<>();
                for (Item<ObservationInput> item : values) {
                    String at = StagedItems.Kind.OBSERVATION.pointer + item.ordinal();
                    int before = errors.count();
                    validator.observation(scope, item.value(), at, known, errors);
                    if (errors.count() == before) {
                        anchored.put(item.ordinal(), anchors.anchor(item.value(), at, release.releasedAt, errors));
                    }
                }
                if (derived && errors.isEmpty()) {
                    checkDerivations(values);
                }
                write(values, anchored);
            }
        }

        /**
         * A derived value is computed, not typed: the value a release states for it must be its inputs' result
         * (as they stand with the release applied) within the stated rounding (5.3 for 8579 / 1609 = 5.33), or the
         * release is refused naming both numbers.
         */
        private void checkDerivations(List<Item<ObservationInput>> values) {
            Set<Point> inputs = new HashSet<>();
            values.forEach(item -> item.value().derivation().inputs().forEach(input -> inputs.add(point(input))));
            Map<Point, CurrentValue> current = writer.current(inputs);
            Map<Point, BigDecimal> after = new HashMap<>();
            current.forEach((point, value) -> {
                if (!value.retracted() && value.value() != null) {
                    after.put(point, value.value());
                }
            });
            values.forEach(item -> after.put(point(item.value()), item.value().value()));
            after.values().removeIf(Objects::isNull);
            Set<Point> named = staged.named(inputs);
            for (Item<ObservationInput> item : values) {
                ObservationInput observation = item.value();
                String at = StagedItems.Kind.OBSERVATION.pointer + item.ordinal();
                if (observation.value() == null) {
                    errors.add(at + "/value", "a derived value is a single number");
                    continue;
                }
                List<SeriesPoint> operands = observation.derivation().inputs();
                for (int j = 0; j < operands.size(); j++) {
                    Point input = point(operands.get(j));
                    if (!after.containsKey(input)) {
                        errors.add(at + "/derivation/inputs/" + j, named.contains(input) || current.containsKey(input)
                                ? "has no single current number to compute from"
                                : "names no value published in this release or before");
                    }
                }
                if (!after.containsKey(point(operands.get(0))) || !after.containsKey(point(operands.get(1)))) {
                    continue;
                }
                Optional<BigDecimal> computed = compute(observation.derivation(), after, at, errors);
                if (computed.isPresent() && !Derivations.consistent(observation.value(), computed.get())) {
                    errors.add(at + "/value", "states " + observation.value().toPlainString() + ", but "
                            + formula(observation.derivation(), after) + " = "
                            + computed.get().round(new MathContext(8)).toPlainString() + ", which is not within ±"
                            + Derivations.tolerance(observation.value()).toPlainString()
                            + " (the rounding of the stated value)");
                }
            }
        }

        /** Writes the values of a chunk that say something new, while the release has no error. */
        private void write(List<Item<ObservationInput>> values, Map<Integer, List<Anchored>> anchored) {
            writing &= errors.isEmpty();
            if (!writing) {
                return;
            }
            Set<Point> points = new HashSet<>();
            values.forEach(item -> points.add(point(item.value())));
            Map<Point, CurrentValue> current = writer.current(points);
            List<NewValue> changed = new ArrayList<>();
            for (Item<ObservationInput> item : values) {
                ObservationInput input = item.value();
                List<Anchored> citations = anchored.get(item.ordinal());
                CurrentValue value = current.get(point(input));
                if (value != null && sameContent(value, input, citations)) {
                    unchanged++;
                    continue;
                }
                changed.add(new NewValue(input, citations));
                if (value != null && !value.retracted()) {
                    revised++;
                } else {
                    added++;
                }
            }
            writer.append(release, changed, List.of(), current, ReleaseService.this::toJson, tally);
        }

        /** Checks and writes the retractions, a chunk at a time: each must have a current value to retract. */
        void retractions() {
            int after = -1;
            for (List<Item<RetractionInput>> chunk; !(chunk = staged.read(StagedItems.Kind.RETRACTION,
                    RetractionInput.class, after, CHUNK, false)).isEmpty(); after = chunk.getLast().ordinal()) {
                Set<String> indicatorIds = new HashSet<>();
                Set<Point> points = new HashSet<>();
                chunk.stream().map(Item::value).filter(Objects::nonNull).forEach(retraction -> {
                    indicatorIds.add(retraction.indicator());
                    points.add(new Point(retraction.indicator(), retraction.geo(), retraction.period()));
                });
                indicatorIds.remove(null);
                Known known = metadata.known(indicatorIds, Set.of(), Set.of());
                Map<Point, CurrentValue> current = writer.current(points);
                for (Item<RetractionInput> item : chunk) {
                    String at = StagedItems.Kind.RETRACTION.pointer + item.ordinal();
                    int before = errors.count();
                    validator.retraction(scope, item.value(), at, known, errors);
                    RetractionInput retraction = item.value();
                    CurrentValue value = retraction == null ? null
                            : current.get(new Point(retraction.indicator(), retraction.geo(), retraction.period()));
                    if (errors.count() == before && (value == null || value.retracted())) {
                        errors.add(at, "there is no current value to retract");
                    }
                }
                writing &= errors.isEmpty();
                if (writing) {
                    writer.append(release, List.of(), chunk.stream().map(Item::value).toList(), current,
                            ReleaseService.this::toJson, tally);
                    retracted += chunk.size();
                }
            }
        }

        /**
         * The derived values this release changes without naming them: when an input is revised, the value computed
         * from it gets a new version in the same release, rounded as it was stated, cited by its inputs' quotes, and
         * with a reason that names the revision. A derived value the release publishes itself was checked above.
         */
        void rederive() {
            if (!writing) {
                return;
            }
            Map<Point, CurrentValue> derived = writer.derivedFromValuesOf(release.id);
            derived.keySet().removeAll(staged.named(derived.keySet()));
            if (derived.isEmpty()) {
                return;
            }
            Map<Point, Derivation> derivations = new HashMap<>();
            Set<Point> inputs = new HashSet<>();
            derived.forEach((point, value) -> {
                Derivation derivation = fromJson(value.derivation());
                derivations.put(point, derivation);
                derivation.inputs().forEach(input -> inputs.add(point(input)));
            });
            Map<Point, CurrentValue> current = writer.current(inputs);
            Map<Point, BigDecimal> after = new HashMap<>();
            current.forEach((point, value) -> {
                if (!value.retracted() && value.value() != null) {
                    after.put(point, value.value());
                }
            });
            List<NewValue> rederived = new ArrayList<>();
            for (var entry : derived.entrySet()) {
                Point point = entry.getKey();
                CurrentValue value = entry.getValue();
                Derivation derivation = derivations.get(point);
                Optional<BigDecimal> computed = compute(derivation, after, "", new ReleaseErrors());
                if (computed.isEmpty()) {
                    continue;
                }
                BigDecimal rounded = Derivations.roundedLike(computed.get(), value.value());
                if (rounded.compareTo(value.value()) == 0) {
                    continue;
                }
                List<String> revisedInputs = derivation.inputs().stream().map(ReleaseService::point)
                        .filter(input -> release.id.equals(current.get(input).releaseId()))
                        .map(p -> p.indicator() + " " + p.geo() + " " + p.period()).toList();
                String reason = "Derived again: its input " + String.join(" and ", revisedInputs) + " changed in release "
                        + release.id + "; " + formula(derivation, after) + " = " + rounded.toPlainString()
                        + " (was " + value.value().toPlainString() + ")";
                List<Anchored> citations = new ArrayList<>();
                for (SeriesPoint input : derivation.inputs()) {
                    current.get(point(input)).citations().stream()
                            .filter(c -> citations.stream().noneMatch(c::sameAs)).forEach(citations::add);
                }
                rederived.add(new NewValue(new ObservationInput(point.indicator(), point.geo(), point.period(),
                        value.periodBasis(), rounded, null, null, null, "derived", null, reason, derivation, List.of()),
                        citations));
            }
            writer.append(release, rederived, List.of(), derived, ReleaseService.this::toJson, tally);
            revised += rederived.size();
        }

        /** What the catalogue says about the indicators, documents and publications a chunk of values names. */
        private Known known(List<ObservationInput> values) {
            Set<String> indicatorIds = new HashSet<>();
            Set<String> documentIds = new HashSet<>();
            Set<String> publicationIds = new HashSet<>();
            for (ObservationInput value : values) {
                if (value == null) {
                    continue;
                }
                indicatorIds.add(value.indicator());
                if (value.derivation() != null && value.derivation().inputs() != null) {
                    value.derivation().inputs().stream().filter(Objects::nonNull)
                            .forEach(input -> indicatorIds.add(input.indicator()));
                }
                if (value.citations() != null) {
                    value.citations().stream().filter(Objects::nonNull).forEach(citation -> {
                        documentIds.add(citation.document());
                        publicationIds.add(citation.publication());
                    });
                }
            }
            indicatorIds.remove(null);
            documentIds.remove(null);
            publicationIds.remove(null);
            return metadata.known(indicatorIds, documentIds, publicationIds);
        }
    }

    private static Optional<BigDecimal> compute(Derivation derivation, Map<Point, BigDecimal> after,
            String at, ReleaseErrors errors) {
        BigDecimal a = after.get(point(derivation.inputs().get(0)));
        BigDecimal b = after.get(point(derivation.inputs().get(1)));
        if (a == null || b == null) {
            errors.add(at + "/derivation/inputs/" + (a == null ? 0 : 1), "has no single current number to compute from");
            return Optional.empty();
        }
        if (!Derivations.defined(derivation.operation(), b)) {
            errors.add(at + "/derivation/inputs/1", "is zero; " + derivation.operation() + " divides by it");
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

    private Derivation fromJson(String json) {
        try {
            return canonicalJson.readValue(json, Derivation.class);
        } catch (IOException e) {
            throw new IllegalStateException("A stored derivation is not JSON: " + json, e);
        }
    }

    private void check(Precondition precondition, Optional<Release> head) {
        if (precondition.ifMatch() != null) {
            String current = entityTags.of(releaseQueries.list(null, QueryParameters.DEFAULT_LIMIT, null));
            if (!EntityTags.matches(precondition.ifMatch(), current)) {
                throw ApiException
                        .preconditionFailed("If-Match " + precondition.ifMatch() + " is not the current entity tag of "
                                + "GET /v1/releases (" + current
                                + "): another release landed; read the catalogue again and re-publish");
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

    /**
     * The content hash of a release body, independent of formatting: what an idempotent retry must repeat. The
     * canonical form of the whole release, digested as it is written, its values read back from the staging table a
     * chunk at a time: a large release's canonical form is never held in memory whole.
     */
    private String sha256(ReleaseRequest header, StagedItems.Sink sink) {
        try {
            MessageDigest digest = Sha256.digest();
            canonicalJson.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
                    new ReleaseRequest(header.release(), null, header.documents(), header.publications(),
                            header.indicators(), staged.list(StagedItems.Kind.OBSERVATION, ObservationInput.class,
                                    sink.observations(), CHUNK),
                            staged.list(StagedItems.Kind.RETRACTION, RetractionInput.class, sink.retractions(), CHUNK),
                            header.documentTexts()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot hash a release body", e);
        }
    }

    /**
     * Also plans this transaction's statements for their parameters again: the read path's generic plans
     * (application.properties) would fit a staging table of one size to releases of every size.
     */
    private void lockCatalogue() {
        releases.getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key),"
                        + " set_config('plan_cache_mode', 'auto', true)) lock")
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
        return a == null ? b == null
                : b != null && a.text().equals(b.text()) && sameNumber(a.number(), b.number())
                        && sameNumber(a.low(), b.low()) && sameNumber(a.high(), b.high())
                        && a.multiplier().equals(b.multiplier());
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
