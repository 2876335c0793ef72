package floor;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

@Entity
public class Observation extends PanacheEntity {
    public String geo;
    public String period;
    public long amount;
}
