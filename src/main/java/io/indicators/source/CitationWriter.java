package io.indicators.source;

import io.indicators.common.http.EntityTags;
import io.indicators.common.http.Language;
import io.indicators.source.SourceViews.SourceDetail;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Lets JAX-RS negotiate a source as a reference (BibTeX, CSL-JSON, RIS); the bytes come from {@link Citations}, the
 * same the caching filter digests.
 */
@Provider
@Produces({ Citations.BibTeX.MEDIA_TYPE, Citations.CslJson.MEDIA_TYPE, Citations.Ris.MEDIA_TYPE })
public class CitationWriter implements MessageBodyWriter<SourceDetail> {

    private final EntityTags tags;

    CitationWriter(EntityTags tags) {
        this.tags = tags;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return SourceDetail.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(SourceDetail source, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException, WebApplicationException {
        out.write(tags.serialise(source, mediaType, Language.DEFAULT));
    }
}
