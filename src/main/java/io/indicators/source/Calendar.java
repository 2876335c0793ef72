package io.indicators.source;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import io.indicators.common.api.DatePublished;
import io.indicators.common.http.Representation;
import io.indicators.source.SourceViews.PublicationDetail;
import io.indicators.source.SourceViews.ReleaseCalendar;

/**
 * The release calendar as iCalendar (RFC 5545), for any calendar application to subscribe to. Each expected edition
 * is an all-day event spanning what its date can mean (a month-precise date is the whole month), so an imprecise
 * expectation never looks precise. Every field comes from the catalogue, the time stamp included (when the
 * expectation became known), so the same question always gets the same bytes.
 */
@Singleton
@Provider
@Produces(Calendar.MEDIA_TYPE)
public class Calendar extends Representation {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    Calendar() {
        super(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"), ReleaseCalendar.class);
    }

    @Override
    public byte[] write(Object entity, String language) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Indicator API//Release calendar//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:Indicator API release calendar");
        for (PublicationDetail publication : ((ReleaseCalendar) entity).publications()) {
            event(ics, publication);
        }
        line(ics, "END:VCALENDAR");
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void event(StringBuilder ics, PublicationDetail publication) {
        DatePublished expected = publication.nextExpected();
        List<LocalDate> span = span(expected);
        String title = publication.title().en() == null ? publication.title().original()
                : publication.title().en() + " (" + publication.title().original() + ")";
        String publisher = publication.publisher().en() == null ? publication.publisher().original()
                : publication.publisher().en() + " (" + publication.publisher().original() + ")";
        StringBuilder description = new StringBuilder("Next edition of ").append(title).append(" by ").append(publisher)
                .append(", expected ").append(expected.date()).append(" (").append(expected.basis());
        if (expected.evidence() != null) {
            description.append(": ").append(expected.evidence());
        }
        description.append(").");
        if (publication.cadence() != null) {
            description.append(" Cadence: ").append(publication.cadence()).append('.');
        }
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + publication.id() + "-" + expected.date() + "@indicator-api");
        line(ics, "DTSTAMP:" + STAMP.format(publication.describedAt().atOffset(ZoneOffset.UTC)));
        line(ics, "DTSTART;VALUE=DATE:" + DAY.format(span.get(0)));
        line(ics, "DTEND;VALUE=DATE:" + DAY.format(span.get(1)));
        line(ics, "SUMMARY:" + text("Expected: " + title));
        line(ics, "DESCRIPTION:" + text(description.toString()));
        if (publication.url() != null) {
            line(ics, "URL:" + publication.url());
        }
        line(ics, "TRANSP:TRANSPARENT");
        line(ics, "END:VEVENT");
    }

    /** The first day the date can mean, and the day after the last (DTEND of an all-day event is exclusive). */
    private static List<LocalDate> span(DatePublished date) {
        String[] parts = date.date().split("-");
        LocalDate start = LocalDate.of(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
                parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
        LocalDate end = switch (parts.length) {
            case 1 -> start.plusYears(1);
            case 2 -> start.plusMonths(1);
            default -> start.plusDays(1);
        };
        return List.of(start, end);
    }

    /** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replaceAll("\\r?\\n", "\\\\n");
    }

    /** A content line, folded at 75 octets without splitting a UTF-8 character, ended by CRLF. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length();) {
            int codePoint = content.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + size > 75) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
