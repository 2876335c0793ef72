package io.indicators.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.indicators.common.digest.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Strong entity tags: a digest of the representation as it is serialised, so a tag changes exactly when the
 * bytes a client would receive change.
 */
@ApplicationScoped
public class EntityTags {

    private final ObjectMapper json;
    private final List<Representation> representations;

    EntityTags(ObjectMapper json, Instance<Representation> representations) {
        this.json = json;
        this.representations = representations.stream().toList();
    }

    /** The format that writes the entity in the negotiated media type; empty for JSON. */
    public Optional<Representation> representation(Object entity, MediaType mediaType) {
        return representations.stream()
                .filter(representation -> representation.mediaType().isCompatible(mediaType) && representation.writes(entity))
                .findFirst();
    }

    public String of(Object entity) {
        return of(serialise(entity));
    }

    /** The representation's bytes, as the JSON writer would produce them. */
    public byte[] serialise(Object entity) {
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + entity.getClass().getSimpleName(), e);
        }
    }

    public static String of(byte[] representation) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(representation)).substring(0, 27)
                + "\"";
    }

    /**
     * RFC 9110 If-None-Match: {@code *} or a list of tags, compared weakly (a client that holds {@code W/"x"} has the
     * representation {@code "x"}), so a cache that weakened a tag still gets its 304.
     */
    public static boolean matchesWeakly(String header, String tag) {
        if (header == null) {
            return false;
        }
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        for (String candidate : header.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || (trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 9110 If-Match: {@code *} or a list of tags, compared strongly: a weak tag never matches. */
    public static boolean matches(String header, String tag) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
