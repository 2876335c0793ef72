package io.indicators.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Entity tags and the two ways RFC 9110 compares them. */
class EntityTagsTest {

    private static final String TAG = EntityTags.of("{\"value\":8579}".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTagIsAQuotedStringThatFollowsTheBytes() {
        assertTrue(TAG.matches("\"[A-Za-z0-9_-]{16}\""), TAG);
        assertEquals(TAG, EntityTags.of("{\"value\":8579}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(TAG, EntityTags.of("{\"value\":8580}".getBytes(StandardCharsets.UTF_8)));
        // Same checksums would need the same length too: one byte more is another tag.
        assertNotEquals(TAG, EntityTags.of("{\"value\":8579} ".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(EntityTags.of(new byte[0]), EntityTags.of(new byte[1]));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(EntityTags.matchesWeakly(TAG, TAG));
        assertTrue(EntityTags.matchesWeakly("W/" + TAG, TAG), "a cache may have weakened the tag");
        assertTrue(EntityTags.matchesWeakly("\"other\", " + TAG, TAG));
        assertTrue(EntityTags.matchesWeakly("*", TAG));
        assertFalse(EntityTags.matchesWeakly("\"other\"", TAG));
        assertFalse(EntityTags.matchesWeakly(null, TAG));
    }

    @Test
    void ifMatchComparesStrongly() {
        assertTrue(EntityTags.matches(TAG, TAG));
        assertTrue(EntityTags.matches("\"other\" , " + TAG, TAG));
        assertTrue(EntityTags.matches("*", TAG));
        assertFalse(EntityTags.matches("W/" + TAG, TAG), "a weak tag never matches strongly");
        assertFalse(EntityTags.matches(null, TAG));
    }
}
