package org.formbox.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.formbox.intake.RawArchive;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff JSON API of stored submissions (API.md). */
@RestController
@RequestMapping("/api/submissions")
class SubmissionApi {

    private final SubmissionSearch search;
    private final RawArchive archive;

    SubmissionApi(SubmissionSearch search, RawArchive archive) {
        this.search = search;
        this.archive = archive;
    }

    @GetMapping
    SubmissionView.Page<SubmissionView.Summary> list(@RequestParam(required = false) String sender,
                                                     @RequestParam(required = false) String enterprise,
                                                     @RequestParam(required = false) String status,
                                                     @RequestParam(required = false) String annex,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "20") int size) {
        return search.find(new SubmissionSearch.Criteria(sender, enterprise, status, annex), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<SubmissionView.Detail> detail(@PathVariable long id) {
        return ResponseEntity.of(search.detail(id));
    }

    @GetMapping("/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id) throws IOException {
        var path = search.archivePath(id);
        if (path.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return download("submission-" + id + ".eml", "message/rfc822", archive.read(path.get()));
    }

    @GetMapping("/{id}/documents/{n}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable int n) {
        return search.document(id, n)
                .map(c -> download(c.filename(), c.contentType(), c.bytes()))
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
