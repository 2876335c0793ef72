package io.indicators.release;

import java.time.Instant;

/** A release as clients see it: when it became known, who published it, and how many values it changed. */
public record ReleaseView(String id, Instant releasedAt, String description, String publishedBy, Changes changes) {

    public record Changes(long added, long revised, long retracted) {
    }
}
