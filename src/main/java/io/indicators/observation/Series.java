package io.indicators.observation;

import io.indicators.indicator.Indicator;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One indicator for one geography; its values are read and written in SQL (VersionRows, ValueWriter). */
@Entity
public class Series {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    public String geo;
}
