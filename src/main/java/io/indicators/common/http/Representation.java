package io.indicators.common.http;

import jakarta.ws.rs.core.MediaType;

/**
 * A format answers can be written in besides JSON (CSV, for one). The caching filter serialises each answer once,
 * in the format negotiated, and digests those bytes for its entity tag, so every format has its own strong tag.
 */
public interface Representation {

    MediaType mediaType();

    /** Whether this format can represent the entity (a table of values can be a CSV; an indicator cannot). */
    boolean writes(Object entity);

    /** @param language the language of labels ({@link Language}), for formats that carry one */
    byte[] write(Object entity, String language);

    /** Whether the format labels things in one language (then sent with Content-Language). */
    default boolean singleLanguage() {
        return false;
    }
}
