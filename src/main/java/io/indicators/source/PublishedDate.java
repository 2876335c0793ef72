package io.indicators.source;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A publication date as precise as the evidence allows, and whether it is stated or inferred. */
@Embeddable
public class PublishedDate {

    @Column(name = "published_date")
    public String date;

    @Column(name = "published_precision")
    public String precision;

    @Column(name = "published_basis")
    public String basis;

    @Column(name = "published_evidence")
    public String evidence;
}
