package io.indicators.release;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A dataset version: every value version belongs to exactly one release and became known at its time. */
@Entity
public class Release {

    @Id
    public String id;

    /** Orders releases without trusting clocks; also the cursor for the release list. */
    public long seq;

    @Column(name = "released_at")
    public Instant releasedAt;

    public String description;

    @Column(name = "content_sha256")
    public String contentSha256;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "published_by")
    public String publishedBy;

    /** How many values the release added, revised and retracted: fixed when it lands, so kept with it. */
    public long added;

    public long revised;

    public long retracted;
}
