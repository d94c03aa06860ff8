package org.oversight.governance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.platform.PublicAddress;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The meetings as calendars to subscribe to, a committee's or every committee's: public, as the meetings' pages are. */
@Controller
class CalendarController {

    private final Committees committees;
    private final Meetings meetings;
    private final PublicAddress address;

    CalendarController(Committees committees, Meetings meetings, PublicAddress address) {
        this.committees = committees;
        this.meetings = meetings;
        this.address = address;
    }

    @GetMapping("/committees/{code}/meetings.ics")
    ResponseEntity<byte[]> committeeCalendar(@PathVariable String code) {
        Committee c = committees.get(code);
        return calendar(c.name() + " meetings", meetings.meetings(c));
    }

    @GetMapping("/meetings.ics")
    ResponseEntity<byte[]> allMeetings() {
        return calendar("Council committee meetings", meetings.meetings());
    }

    private ResponseEntity<byte[]> calendar(String name, List<Committee.Meeting> listed) {
        Map<Long, Committee> byId = committees.all().stream().collect(Collectors.toMap(Committee::id, Function.identity()));
        String base = address.base();
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(CalendarFeed.write(name, listed.stream().filter(m -> byId.containsKey(m.committeeId())).toList(), byId, base)
                        .getBytes(StandardCharsets.UTF_8));
    }
}
