package org.formbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.MessagingException;
import jakarta.servlet.http.HttpServletRequest;
import org.formbox.reply.CoordinatorDigest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sends the coordinator's digest now. */
@RestController
@Tag(name = "digest", description = "The coordinator's digest")
class DigestApi {

    private final CoordinatorDigest digest;

    DigestApi(CoordinatorDigest digest) {
        this.digest = digest;
    }

    @PostMapping("/api/digest")
    @Operation(summary = "Queue the digest now: it goes out within seconds (COORDINATOR)")
    CoordinatorDigest.Queued send(Authentication user, HttpServletRequest request) throws MessagingException {
        Roles.requireCoordinator(request);
        return digest.send(user.getName());
    }
}
