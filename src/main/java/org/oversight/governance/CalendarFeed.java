package org.oversight.governance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Meetings as an iCalendar feed (RFC 5545): one VEVENT each, times in UTC from the council's local
 * time, text escaped and lines folded at 75 octets, CRLF line ends. A cancelled meeting stays in
 * the feed as cancelled, so calendars that took it drop it.
 */
final class CalendarFeed {

    static final ZoneId COUNCIL = ZoneId.of("Europe/London");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private CalendarFeed() {
    }

    /** {@code committees}: each meeting's committee by id; {@code base}: the site's address, for each meeting's URL. */
    static String write(String name, List<Committee.Meeting> meetings, Map<Long, Committee> committees, String base) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Oversight//Committee meetings//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (Committee.Meeting m : meetings) {
            Committee c = committees.get(m.committeeId());
            line(out, "BEGIN:VEVENT");
            line(out, "UID:meeting-" + m.id() + "@" + java.net.URI.create(base).getHost());
            line(out, "DTSTAMP:" + UTC.format(m.modified().withOffsetSameInstant(ZoneOffset.UTC)));
            line(out, "LAST-MODIFIED:" + UTC.format(m.modified().withOffsetSameInstant(ZoneOffset.UTC)));
            if (m.timed()) {
                line(out, "DTSTART:" + utc(m.starts()));
                // An end not given is not invented: the event is then its start (RFC 5545, 3.6.1).
                if (m.ends() != null) {
                    line(out, "DTEND:" + utc(m.ends()));
                }
            } else {
                // Its time not known: a whole-day event on its date (RFC 5545, 3.6.1).
                line(out, "DTSTART;VALUE=DATE:" + DAY.format(m.starts()));
                line(out, "DTEND;VALUE=DATE:" + DAY.format(m.starts().plusDays(1)));
            }
            line(out, "SUMMARY:" + text(c.name()));
            if (m.location() != null) {
                line(out, "LOCATION:" + text(m.location()));
            }
            line(out, "URL:" + base + "/meetings/" + m.id());
            line(out, "STATUS:" + switch (m.status()) {
                case CANCELLED -> "CANCELLED";
                case POSTPONED -> "TENTATIVE";
                default -> "CONFIRMED";
            });
            line(out, "DESCRIPTION:" + text(c.name() + ", " + m.status().words().toLowerCase(java.util.Locale.UK) + ". Agenda and papers: "
                    + base + "/meetings/" + m.id() + (m.webcast() == null ? "" : ". Webcast: " + m.webcast())));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String utc(LocalDateTime local) {
        return UTC.format(local.atZone(COUNCIL).withZoneSameInstant(ZoneOffset.UTC));
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
    static String text(String s) {
        // Control characters other than line breaks are not TEXT (RFC 5545, 3.3.11): they go.
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Content lines fold at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append(line).append("\r\n ");
                line.setLength(0);
                octets = 1;
            }
            line.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(line).append("\r\n");
    }
}
