package org.formbox.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Checks for what only a coordinator may do (overrides, sending the digest). */
final class Roles {

    static final String COORDINATOR = "COORDINATOR";

    private Roles() {
    }

    static void requireCoordinator(HttpServletRequest request) {
        if (!request.isUserInRole(COORDINATOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only a coordinator may do this");
        }
    }
}
