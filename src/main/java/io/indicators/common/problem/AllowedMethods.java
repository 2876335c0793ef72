package io.indicators.common.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The methods each path takes, for the {@code Allow} header of a 405 (RFC 9110 §15.5.6 requires it). Quarkus REST
 * knows them (it answers OPTIONS with them) but throws its 405 without them, so they are read from the contract,
 * which ContractDriftTest keeps equal to the resource methods. Read on the first 405, not at start-up.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final String CONTRACT = "META-INF/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private record Route(Pattern path, String allow) {
    }

    private volatile List<Route> routes;

    /** The Allow header for a path of the API, or empty for a path the contract does not have. */
    public Optional<String> of(String path) {
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                return Optional.of(route.allow());
            }
        }
        return Optional.empty();
    }

    private List<Route> routes() {
        List<Route> read = routes;
        if (read == null) {
            read = read();
            routes = read;
        }
        return read;
    }

    private static List<Route> read() {
        try (InputStream contract = Thread.currentThread().getContextClassLoader().getResourceAsStream(CONTRACT)) {
            if (contract == null) {
                return List.of();
            }
            JsonNode paths = new YAMLMapper().readTree(contract).path("paths");
            List<Route> routes = new ArrayList<>();
            for (Iterator<String> names = paths.fieldNames(); names.hasNext();) {
                String template = names.next();
                Set<String> allowed = new TreeSet<>();
                paths.get(template).fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        allowed.add(method.toUpperCase(Locale.ROOT));
                    }
                });
                // Quarkus REST answers HEAD for every GET, and OPTIONS everywhere.
                if (allowed.contains("GET")) {
                    allowed.add("HEAD");
                }
                allowed.add("OPTIONS");
                routes.add(new Route(pattern(template), String.join(", ", allowed)));
            }
            return List.copyOf(routes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CONTRACT, e);
        }
    }

    /** /v1/indicators/{id} matches one path segment per parameter. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
