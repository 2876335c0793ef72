package io.indicators.observation;

import io.indicators.release.Release;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One value of an observation as known from {@code realtimeStart} until {@code realtimeEnd} (open while
 * current), as ALFRED's real-time periods. Rows are never rewritten; a revision closes this one and adds another.
 */
@Entity
@jakarta.persistence.Table(name = "observation_version")
public class ObservationVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "observation_id")
    public Observation observation;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id")
    public Release release;

    public BigDecimal value;

    @Column(name = "value_low")
    public BigDecimal low;

    @Column(name = "value_high")
    public BigDecimal high;

    public String status;

    public String note;

    /** The derivation as JSON ({operation, inputs}); kept verbatim as published. */
    public String derivation;

    public boolean retracted;

    /** Why this version replaced the previous one (a correction, a retraction). */
    public String reason;

    @Column(name = "realtime_start")
    public Instant realtimeStart;

    @Column(name = "realtime_end")
    public Instant realtimeEnd;

    @OneToMany(mappedBy = "version")
    @OrderBy("position")
    public List<Citation> citations = new ArrayList<>();
}
