package org.oversight.publishing;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The papers as the web shows and prints them: for now, the draft monthly dashboard of a scope. */
@Controller
class PapersController {

    private final DashboardDocument dashboards;

    PapersController(DashboardDocument dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping(value = "/papers/dashboard/{month}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> dashboard(@PathVariable YearMonth month, @RequestParam(required = false) String directorate) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(dashboards.draft(month, directorate));
    }

    @GetMapping(value = "/papers/dashboard/{month}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> dashboardPdf(@PathVariable YearMonth month, @RequestParam(required = false) String directorate) {
        String name = "dashboard-" + month + (directorate == null || directorate.isBlank() ? "" : "-" + directorate.replaceAll("[^A-Za-z0-9]+", "-")) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(PdfDocument.print(dashboards.draft(month, directorate)));
    }
}
