package io.indicators.common.http;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import io.indicators.common.problem.ApiException;

/**
 * The language of a single-language representation (CSV and JSON-stat labels): {@code lang=ko|en}, else the first
 * of Korean and English in {@code Accept-Language} by its weights, else English. JSON carries both languages and
 * has none.
 */
public final class Language {

    public static final String DEFAULT = "en";
    private static final Set<String> SUPPORTED = Set.of("ko", "en");

    private Language() {
    }

    /** Checks {@code lang} as early as the format is picked, so a bad one is a 400 naming it. */
    static void check(String lang) {
        if (lang != null && !SUPPORTED.contains(lang)) {
            throw ApiException.badParameter("lang", "lang must be one of [en, ko], got '" + lang + "'");
        }
    }

    public static String of(ContainerRequestContext request) {
        String lang = request.getUriInfo().getQueryParameters().getFirst("lang");
        if (lang != null && SUPPORTED.contains(lang)) {
            return lang;
        }
        String header = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null) {
            return DEFAULT;
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                    .map(range -> range.getRange().split("-")[0].toLowerCase(Locale.ROOT))
                    .filter(SUPPORTED::contains).findFirst().orElse(DEFAULT);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    public static List<String> supported() {
        return SUPPORTED.stream().sorted().toList();
    }
}
