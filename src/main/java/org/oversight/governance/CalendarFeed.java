package org.oversight.governance;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Meetings as an iCalendar feed (RFC 5545): one VEVENT each, times in UTC from the council's local
 * time. A cancelled meeting stays in the feed as cancelled, so calendars that took it drop it.
 */
final class CalendarFeed {

    static final ZoneId COUNCIL = ZoneId.of("Europe/London");

    private CalendarFeed() {
    }

    /** {@code committees}: each meeting's committee by id; {@code base}: the site's address, for each meeting's URL. */
    static String write(String name, List<Committee.Meeting> meetings, Map<Long, Committee> committees, String base) {
        Calendar calendar = new Calendar();
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new ProdId("-//Oversight//Committee meetings//EN"));
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", text(name)));
        for (Committee.Meeting m : meetings) {
            Committee c = committees.get(m.committeeId());
            String page = base + "/meetings/" + m.id();
            VEvent event = new VEvent(false);
            event.add(new Uid("meeting-" + m.id() + "@" + URI.create(base).getHost()));
            event.add(new DtStamp(m.modified().toInstant()));
            event.add(new LastModified(m.modified().toInstant()));
            if (m.timed()) {
                event.add(new DtStart<>(utc(m.starts())));
                // An end not given is not invented: the event is then its start (RFC 5545, 3.6.1).
                if (m.ends() != null) {
                    event.add(new DtEnd<>(utc(m.ends())));
                }
            } else {
                // Its time not known: a whole-day event on its date (RFC 5545, 3.6.1).
                event.add(new DtStart<>(m.starts().toLocalDate()));
                event.add(new DtEnd<>(m.starts().toLocalDate().plusDays(1)));
            }
            event.add(new Summary(text(c.name())));
            if (m.location() != null) {
                event.add(new Location(text(m.location())));
            }
            event.add(new Url(URI.create(page)));
            event.add(switch (m.status()) {
                case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
                case POSTPONED -> ImmutableStatus.VEVENT_TENTATIVE;
                default -> ImmutableStatus.VEVENT_CONFIRMED;
            });
            event.add(new Description(text(c.name() + ", " + m.status().words().toLowerCase(Locale.UK) + ". Agenda and papers: " + page
                    + (m.webcast() == null ? "" : ". Webcast: " + m.webcast()))));
            calendar.add(event);
        }
        return folded(calendar.toString());
    }

    private static Instant utc(LocalDateTime local) {
        return local.atZone(COUNCIL).toInstant();
    }

    /**
     * Control characters other than line breaks are not TEXT (RFC 5545, 3.3.11): they go, and a lone
     * carriage return is a line break, as ical4j escapes only a line feed.
     */
    private static String text(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").replace("\r\n", "\n").replace("\r", "\n");
    }

    /** Content lines fold at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1): ical4j folds at 75 UTF-16 units. */
    private static String folded(String unfolded) {
        StringBuilder out = new StringBuilder();
        for (String content : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < content.length(); ) {
                int cp = content.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
