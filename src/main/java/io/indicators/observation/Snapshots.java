package io.indicators.observation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.SequenceWriter;

import io.indicators.common.catalogue.CatalogueReads;
import io.indicators.common.digest.Sha256;
import io.indicators.common.problem.ApiException;

/**
 * The whole catalogue as it stood when a release landed, as one tidy CSV (the columns of {@link TidyCsv}, labels in
 * English): every value current then, in indicator, geography and period order, with its first citation. It is
 * streamed from one query with a cursor, so its size costs no memory, and it is the same bytes whenever it is asked
 * for: its SHA-256 can be published beside it.
 */
@ApplicationScoped
public class Snapshots {

    /** Bumped whenever the bytes of a snapshot would change for the same release (its columns, its order). */
    public static final String FORMAT_VERSION = "1";
    private static final int FETCH = 1_000;

    private static final String QUERY = """
            select s.indicator_id, i.name_en, s.geo, o.period, v.value, v.value_low, v.value_high, i.unit_code, v.status,
                   v.period_basis, v.as_stated_text, v.realtime_start, v.release_id, v.reason, c.document_id, d.sha256,
                   c.quote, c.start_position, c.end_position, c.verified_at, c.publication_id,
                   (select count(*) from citation n where n.version_id = v.id) as citation_count
            from observation_version v
            join observation o on o.id = v.observation_id
            join series s on s.id = o.series_id
            join indicator_at(?) i on i.id = s.indicator_id
            left join citation c on c.version_id = v.id and c.position = 0
            left join document_at(?) d on d.id = c.document_id
            where v.realtime_start <= ? and coalesce(v.realtime_end, 'infinity') > ? and not v.retracted
            order by s.indicator_id, s.geo, o.period_start, o.period_end""";

    private final CatalogueReads database;
    private final TidyCsv csv;
    /** Each snapshot being streamed holds a connection for as long as it takes; these are the ones it may take. */
    private final Semaphore streams;

    Snapshots(CatalogueReads database, TidyCsv csv,
            @ConfigProperty(name = "indicators.snapshots.concurrent", defaultValue = "2") int concurrent) {
        this.database = database;
        this.csv = csv;
        this.streams = new Semaphore(concurrent);
    }

    /** The snapshot at {@code releasedAt}, to be written when the response is; 503 when enough are being written. */
    public StreamingOutput of(Instant releasedAt) {
        if (!streams.tryAcquire()) {
            throw ApiException.busy("Enough snapshots are being written just now; retry in a moment");
        }
        return out -> {
            try {
                write(releasedAt, out);
            } finally {
                streams.release();
            }
        };
    }

    /** The SHA-256 of the snapshot's bytes, computed by writing it once more into a digest. */
    public String sha256(Instant releasedAt) {
        if (!streams.tryAcquire()) {
            throw ApiException.busy("Enough snapshots are being written just now; retry in a moment");
        }
        try {
            MessageDigest digest = Sha256.digest();
            write(releasedAt, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            streams.release();
        }
    }

    private void write(Instant releasedAt, OutputStream out) throws IOException {
        var at = VersionRows.timestamp(releasedAt);
        try (Connection connection = database.connection()) {
            // A cursor needs a transaction: rows arrive a thousand at a time instead of all at once.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
                statement.setFetchSize(FETCH);
                for (int i = 1; i <= 4; i++) {
                    statement.setObject(i, at);
                }
                try (ResultSet row = statement.executeQuery(); SequenceWriter rows = csv.valueRows(out)) {
                    while (row.next()) {
                        int start = row.getInt(18);
                        boolean cited = !row.wasNull();
                        rows.write(TidyCsv.row(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                                row.getBigDecimal(5), row.getBigDecimal(6), row.getBigDecimal(7), row.getString(8),
                                row.getString(9), row.getString(10), row.getString(11), false,
                                VersionRows.instant(row, "realtime_start"), null, row.getString(13), row.getString(14),
                                row.getString(15), row.getString(16), row.getString(17), cited ? start : null,
                                cited ? row.getInt(19) : null, row.getObject(20) == null ? "unverified" : "verified",
                                row.getString(21), row.getInt(22)).toArray());
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the snapshot at " + releasedAt, e);
        }
    }
}
