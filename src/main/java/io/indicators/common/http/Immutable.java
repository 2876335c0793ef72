package io.indicators.common.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read whose answer never changes once it can be given (a release, what a release changed): {@link HttpCaching}
 * lets clients keep it for good. Declared by the resource, so the caching rules do not have to know its URL.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Immutable {
}
