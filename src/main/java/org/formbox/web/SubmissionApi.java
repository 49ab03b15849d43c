package org.formbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.formbox.intake.ArchivedAttachments;
import org.formbox.intake.RawArchive;
import org.formbox.submission.FindingOverrides;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff JSON API of stored submissions (docs/API.md). */
@RestController
@Tag(name = "submissions", description = "Stored submissions (docs/API.md)")
@RequestMapping("/api/submissions")
class SubmissionApi {

    private final SubmissionSearch search;
    private final RawArchive archive;
    private final FindingOverrides overrides;
    private final ArchivedAttachments attachments;

    SubmissionApi(SubmissionSearch search, RawArchive archive, FindingOverrides overrides,
                  ArchivedAttachments attachments) {
        this.search = search;
        this.attachments = attachments;
        this.archive = archive;
        this.overrides = overrides;
    }

    @GetMapping
    @Operation(summary = "Search submissions, newest first",
            description = "Every filter is optional; sender and enterprise match a part, the others exactly; "
                    + "from and to are days (yyyy-MM-dd, in formbox.time-zone), both inclusive. status is ACCEPTED, "
                    + "NEEDS_CORRECTION, NO_FORM, NEEDS_ANSWER (no form, a person's own words: waits for staff), IGNORED "
                    + "or FAILED. Times in the JSON (receivedAt …) are UTC instants, ISO-8601.")
    SubmissionView.Page<SubmissionView.Summary> list(@RequestParam(required = false) String sender,
                                                     @RequestParam(required = false) String enterprise,
                                                     @RequestParam(required = false) String status,
                                                     @RequestParam(required = false) String annex,
                                                     @RequestParam(required = false) String region,
                                                     @RequestParam(required = false) String programme,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "20") int size) {
        return search.find(SearchParameters.criteria(sender, enterprise, status, annex, region, programme, from, to),
                SearchParameters.page(page), SearchParameters.size(size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One submission: documents with values and raw text, findings, reply")
    ResponseEntity<SubmissionView.Detail> detail(@PathVariable long id) {
        return ResponseEntity.of(search.detail(id));
    }

    /**
     * The body of an override.
     *
     * @param note why the finding does not stand (required)
     */
    record OverrideRequest(String note) {
    }

    @PostMapping("/{id}/findings/{findingId}/override")
    @Operation(summary = "Override a finding (COORDINATOR)",
            description = "Records who, when and the note; when no error finding is left standing and an annex was read, "
                    + "the submission becomes ACCEPTED.")
    ResponseEntity<?> override(@PathVariable long id, @PathVariable long findingId,
                               @RequestBody(required = false) OverrideRequest body, Authentication user,
                               HttpServletRequest request) {
        Roles.requireCoordinator(request);
        if (body == null || body.note() == null || body.note().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "note is required"));
        }
        return overrides.override(id, findingId, user.getName(), body.note(), Instant.now())
                .<ResponseEntity<?>>map(o -> ResponseEntity.ok(Map.of("submissionId", o.submissionId(),
                        "findingId", o.findingId(), "status", o.status().name(), "changed", o.changed())))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/{id}/raw")
    @Operation(summary = "The original .eml, always as a download")
    ResponseEntity<byte[]> raw(@PathVariable long id) throws IOException {
        var path = search.archivePath(id);
        if (path.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return download("submission-" + id + ".eml", "message/rfc822", archive.read(path.get()));
    }

    @GetMapping("/{id}/documents/{n}")
    @Operation(summary = "The n-th attachment (0-based) as received, always as a download")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable int n) {
        return search.document(id, n)
                .map(c -> download(c.filename(), c.contentType(), c.bytes() != null ? c.bytes()
                        // too large to keep in the store: taken from the archived message
                        : search.archivePath(id).flatMap(path -> attachments.content(path, n)).orElse(new byte[0])))
                .orElse(ResponseEntity.notFound().build());
    }

    /** Always an attachment, never rendered inline: a document's content must not run in the staff's browser. */
    static ResponseEntity<byte[]> download(String filename, String contentType, byte[] bytes) {
        MediaType type;
        try {
            type = contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        if (type.getType().equals("text") || type.getSubtype().contains("html") || type.getSubtype().contains("xml")) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }
}
