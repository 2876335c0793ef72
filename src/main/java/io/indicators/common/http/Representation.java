package io.indicators.common.http;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * A format answers can be written in besides JSON (CSV, for one). The caching filter serialises each answer once,
 * in the format negotiated, and digests those bytes for its entity tag, so every format has its own strong tag. A
 * subclass is also the JAX-RS writer of its media type (annotate it {@code @Provider @Produces(...)}), so that
 * content negotiation knows the format exists.
 */
public abstract class Representation implements MessageBodyWriter<Object> {

    private final MediaType mediaType;
    private final List<Class<?>> views;

    /** @param views the view types this format writes */
    protected Representation(MediaType mediaType, Class<?>... views) {
        this.mediaType = mediaType;
        this.views = List.of(views);
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** Whether this format can represent the entity (a table of values can be a CSV; an indicator cannot). */
    public boolean writes(Object entity) {
        return views.stream().anyMatch(view -> view.isInstance(entity));
    }

    /** @param language the language of labels ({@link Language}), for formats that carry one */
    public abstract byte[] write(Object entity, String language);

    /** Whether the format labels things in one language (then sent with Content-Language). */
    public boolean singleLanguage() {
        return false;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return views.stream().anyMatch(view -> view.isAssignableFrom(type));
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        out.write(write(entity, Language.DEFAULT));
    }
}
