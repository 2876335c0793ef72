package io.indicators.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, String> {

    public List<Document> page(String afterId, int limit) {
        return afterId == null
                ? find("order by id").page(0, limit).list()
                : find("id > ?1 order by id", afterId).page(0, limit).list();
    }
}
