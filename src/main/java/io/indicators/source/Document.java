package io.indicators.source;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An article the catalogue quotes; its text is identified by file name and SHA-256, never stored. */
@Entity
public class Document {

    @Id
    public String id;

    @Column(name = "file_name")
    public String fileName;

    public String sha256;

    @Column(name = "publisher_original")
    public String publisherOriginal;

    @Column(name = "publisher_en")
    public String publisherEn;

    @Column(name = "title_original")
    public String titleOriginal;

    @Column(name = "title_en")
    public String titleEn;

    public String[] authors;

    public String language;

    public String url;

    @Embedded
    public PublishedDate published;

    public String note;
}
