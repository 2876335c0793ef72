package io.indicators.indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, String> {

    /** Indicators in id order after the cursor {@code afterId}, filtered by topic, geography and free text. */
    public List<Indicator> search(String topic, String geo, String text, String afterId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (topic != null) {
            // HQL's array functions bind the parameter as varchar[] against the text[] column; SQL's ANY does not care.
            @SuppressWarnings("unchecked")
            List<String> tagged = getEntityManager()
                    .createNativeQuery("select id from indicator where cast(:topic as text) = any(topics)")
                    .setParameter("topic", topic).getResultList();
            where.add("i.id in :tagged");
            params.put("tagged", tagged);
        }
        if (geo != null) {
            where.add("exists (from Series s where s.indicator = i and s.geo = :geo)");
            params.put("geo", geo);
        }
        if (text != null) {
            where.add("(lower(i.nameEn) like :text or lower(i.nameKo) like :text"
                    + " or lower(i.descriptionEn) like :text or lower(i.descriptionKo) like :text or i.id like :text)");
            params.put("text", "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (afterId != null) {
            where.add("i.id > :after");
            params.put("after", afterId);
        }
        String query = "from Indicator i" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by i.id";
        return find(query, params).page(0, limit).list();
    }
}
