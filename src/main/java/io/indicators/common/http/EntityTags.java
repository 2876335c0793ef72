package io.indicators.common.http;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strong entity tags: a checksum of the representation as it is serialised, so a tag changes when the bytes a
 * client would receive change.
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

    /**
     * The representation's CRC-32C, its CRC-32 and its length. A tag must change whenever the bytes do; nobody derives
     * anything from it or forges it, so it needs no cryptographic digest: two independent 32-bit checks and the length
     * leave two versions of one answer about one chance in 2^64 of sharing a tag. Both CRCs are CPU instructions,
     * 15-20 times cheaper than SHA-256 over a 113 KiB answer (4 µs against 64-88 µs here), which every uncached read
     * pays.
     */
    public static String of(byte[] representation) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(representation);
        CRC32 ieee = new CRC32();
        ieee.update(representation);
        byte[] tag = ByteBuffer.allocate(12).putInt((int) castagnoli.getValue()).putInt((int) ieee.getValue())
                .putInt(representation.length).array();
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(tag) + "\"";
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
