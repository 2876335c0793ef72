package io.indicators.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Indicator {

    @Id
    public String id;

    @Column(name = "name_ko")
    public String nameKo;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "description_ko")
    public String descriptionKo;

    @Column(name = "description_en")
    public String descriptionEn;

    @Column(name = "unit_code")
    public String unitCode;

    /** Power of ten the values are expressed in (SDMX UNIT_MULT). */
    @Column(name = "unit_multiplier")
    public int unitMultiplier;

    public String frequency;

    @Column(name = "value_kind")
    public String valueKind;

    public String[] topics;
}
