package org.formbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.formbox.export.SubmissionExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The export of the latest submission per enterprise, as a workbook or as CSV. */
@RestController
@Tag(name = "export", description = "The latest submission per enterprise, one column per field")
class ExportApi {

    private final SubmissionExport export;
    private final java.time.Clock clock;

    ExportApi(SubmissionExport export, java.time.Clock clock) {
        this.export = export;
        this.clock = clock; // in formbox.time-zone: the file is named after the day people see
    }

    @GetMapping("/api/export.xlsx")
    @Operation(summary = "Workbook: sheets 最新提交 (one row per enterprise), 问题 (findings), 附件1项目 (projects)")
    ResponseEntity<byte[]> workbook() {
        return file("xlsx", MediaType.parseMediaType(SubmissionExport.XLSX), export.workbook());
    }

    @GetMapping("/api/export.csv")
    @Operation(summary = "CSV of the first sheet, UTF-8 with byte-order mark")
    ResponseEntity<byte[]> csv() {
        return file("csv", new MediaType("text", "csv", StandardCharsets.UTF_8), export.csv());
    }

    private ResponseEntity<byte[]> file(String extension, MediaType type, byte[] bytes) {
        String name = "formbox-export-" + LocalDate.now(clock) + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }
}
