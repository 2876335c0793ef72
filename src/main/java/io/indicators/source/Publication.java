package io.indicators.source;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The primary publication (survey, report, index) an article attributes a value to. */
@Entity
public class Publication {

    @Id
    public String id;

    @Column(name = "publisher_original")
    public String publisherOriginal;

    @Column(name = "publisher_en")
    public String publisherEn;

    @Column(name = "title_original")
    public String titleOriginal;

    @Column(name = "title_en")
    public String titleEn;

    public String kind;

    public String url;

    @Embedded
    public PublishedDate published;
}
