package org.formbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.formbox.roster.RosterUpload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The roster of expected enterprises (docs/API.md): upload, and upload again to update. */
@RestController
@Tag(name = "roster", description = "The roster of expected enterprises")
class RosterApi {

    private final RosterUpload roster;

    RosterApi(RosterUpload roster) {
        this.roster = roster;
    }

    @PostMapping(path = "/api/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the roster (COORDINATOR): .xlsx, .xls or .csv with 企业名称/单位名称, 地区, 联系人, 邮箱, 电话",
            description = "Headers are matched by their words and may sit under a title row. Each bad row is reported in "
                    + "problems; entries of the previous roster missing from this one leave the roster (their files stay).")
    ResponseEntity<RosterUpload.Result> upload(@RequestParam("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        Roles.requireCoordinator(request);
        RosterUpload.Result result = roster.upload(file.getOriginalFilename(), file.getBytes());
        return result.added() + result.updated() == 0 ? ResponseEntity.unprocessableEntity().body(result)
                : ResponseEntity.ok(result);
    }
}
