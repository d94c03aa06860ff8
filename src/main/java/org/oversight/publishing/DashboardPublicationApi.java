package org.oversight.publishing;

import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;

import org.oversight.shared.InputException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.oversight.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Publishing a month's dashboard through the API: the same act as publishing its paper on the web, with the same checks. */
@RestController
@Tag(name = "Publishing", description = "A month's dashboard published as its paper")
class DashboardPublicationApi {

    private final DashboardPublication publication;
    private final CurrentUser user;

    DashboardPublicationApi(DashboardPublication publication, CurrentUser user) {
        this.publication = publication;
        this.user = user;
    }

    /** A finding of the checks accepted: {@code finding} its key as a refusal names it, {@code reason} why the dashboard may go out with it (blank for {@code why}). */
    record Acceptance(@NotBlank(message = "name the finding by its key") @Size(max = 64) String finding, @Size(max = 2_000) String reason) {
    }

    /** {@code directorate}: none for the whole council; {@code why}: the reason for every accepted finding without its own. */
    record PublishRequest(@Size(max = 300) String directorate, @Size(max = 10_000) List<@Valid Acceptance> acceptances, @Size(max = 2_000) String why) {
    }

    record Published(YearMonth month, String directorate, int version, String paper, List<String> findingsAccepted) {
    }

    /** What a dry run answers: the findings the publication would need accepted, each with the key to accept it by. */
    record Checks(YearMonth month, String directorate, List<DashboardPublication.Unaccepted> findings) {
    }

    @PostMapping("/api/dashboards/{month}/publication")
    @Operation(summary = "Publish a month's dashboard for the council or a directorate: its paper's next version, the month frozen in the same transaction. "
            + "Each finding of the paper's checks must be accepted with a reason; without, 422 names each (its key, ref, kind and message). "
            + "409 when someone else published the month meanwhile (naming who and when), or nothing has changed since its last version. "
            + "dryRun=true stores nothing and answers 200 with the findings to accept")
    @ApiResponse(responseCode = "201", description = "Published")
    @ApiResponse(responseCode = "422", description = "Findings not accepted with a reason: nothing stored")
    @ApiResponse(responseCode = "409", description = "Published by someone else, or nothing new: nothing stored")
    ResponseEntity<?> publish(@PathVariable YearMonth month, @RequestParam(required = false) String directorate,
                              @RequestParam(defaultValue = "false") boolean dryRun, @Valid @RequestBody(required = false) PublishRequest body) {
        PublishRequest b = body == null ? new PublishRequest(null, null, null) : body;
        if (dryRun) {
            String scope = publication.scope(b.directorate() != null ? b.directorate() : directorate);
            return ResponseEntity.ok(new Checks(month, scope, DashboardPublication.unaccepted(publication.draft(month, scope), Map.of(), null)));
        }
        Map<String, String> accepted = new LinkedHashMap<>();
        for (Acceptance a : b.acceptances() == null ? List.<Acceptance>of() : b.acceptances()) {
            if (a == null) {
                throw new InputException("acceptances", "an acceptance is empty: give each its finding's key and the reason");
            }
            accepted.put(a.finding().strip(), a.reason() == null ? "" : a.reason());
        }
        PaperRepository.Version v = publication.publish(month, b.directorate() != null ? b.directorate() : directorate, user.name(), accepted, b.why(), null);
        String paper = Papers.path(Papers.DASHBOARD, v.period(), v.scope(), "/v" + v.version());
        return ResponseEntity.created(URI.create(paper)).body(new Published(v.period(), v.scope(), v.version(), paper, v.findings()));
    }

    @ExceptionHandler(DashboardPublication.NotAccepted.class)
    ProblemDetail notAccepted(DashboardPublication.NotAccepted e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setTitle("Findings not accepted");
        p.setType(URI.create("urn:oversight:problem:findings-not-accepted"));
        p.setProperty("field", "acceptances");
        p.setProperty("findings", e.findings());
        return p;
    }
}
