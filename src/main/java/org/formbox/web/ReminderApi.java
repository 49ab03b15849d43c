package org.formbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.formbox.reminder.Reminders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reminders on request (docs/API.md). */
@RestController
@Tag(name = "reminders", description = "Reminders (催报) to enterprises whose file is not complete")
class ReminderApi {

    private final Reminders reminders;

    ReminderApi(Reminders reminders) {
        this.reminders = reminders;
    }

    /** @param enterprises the enterprises to remind; none or null: every file not complete */
    record Request(List<Long> enterprises) {
    }

    @PostMapping("/api/reminders")
    @Operation(summary = "Send reminders now (COORDINATOR)",
            description = "To the roster contact and the last sender of each chosen enterprise (all files not ACCEPTED "
                    + "when no body), at most one a day each, never to an address a reminder bounced from.")
    Reminders.Outcome send(@RequestBody(required = false) Request body, Authentication user, HttpServletRequest request) {
        Roles.requireCoordinator(request);
        List<Long> chosen = body == null || body.enterprises() == null || body.enterprises().isEmpty() ? null : body.enterprises();
        return reminders.send(chosen, user.getName());
    }
}
