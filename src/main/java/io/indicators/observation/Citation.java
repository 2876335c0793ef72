package io.indicators.observation;

import io.indicators.source.Document;
import io.indicators.source.Publication;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Where a value version comes from: the verbatim quote in a document, and the publication it cites. */
@Entity
public class Citation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "version_id")
    public ObservationVersion version;

    public int position;

    @ManyToOne(optional = false)
    @JoinColumn(name = "document_id")
    public Document document;

    public String quote;

    @ManyToOne
    @JoinColumn(name = "publication_id")
    public Publication publication;
}
