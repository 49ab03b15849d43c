package org.formbox.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.formbox.intake.MailIntake;
import org.formbox.submission.Submissions;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-reads stored submissions from their archived messages with today's readers and rules, so a
 * better reader or a changed rule reaches what came in before, without asking anyone to resend.
 */
@RestController
class RereadApi {

    private final MailIntake intake;
    private final Submissions submissions;

    RereadApi(MailIntake intake, Submissions submissions) {
        this.intake = intake;
        this.submissions = submissions;
    }

    @PostMapping("/api/submissions/{id}/reread")
    ResponseEntity<Map<String, Object>> reread(@PathVariable long id, HttpServletRequest request) throws Exception {
        Roles.requireCoordinator(request);
        if (submissions.stored(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(Map.of("id", id, "status", intake.reread(id).name()));
    }

    @PostMapping("/api/reread")
    Map<String, Object> rereadAll(HttpServletRequest request) throws Exception {
        Roles.requireCoordinator(request);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        int count = 0;
        for (long id : submissions.allIds()) {
            byStatus.merge(intake.reread(id).name(), 1L, Long::sum);
            count++;
        }
        return Map.of("reread", count, "statuses", byStatus);
    }
}
