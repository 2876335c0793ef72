package io.indicators.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PublicationRepository implements PanacheRepositoryBase<Publication, String> {
}
