package org.oversight.publishing;

import java.time.YearMonth;

/** A paper went out: its kind (dashboard, qpr, exceptions, risks), period, scope, version and the SHA-256 of its PDF; for the committee papers to attach. */
public record PaperPublished(String kind, YearMonth period, String scope, int version, String title, String pdfSha256) {
}
