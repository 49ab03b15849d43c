package org.formbox.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy on every response: only this service's own scripts and styles,
 * nothing inline, no frames. A value a sender typed can therefore never run in a staff browser,
 * even if a page escaped it wrongly. The bundled Swagger UI gets a policy it can work with.
 */
@Component
class ContentSecurityPolicy extends OncePerRequestFilter {

    static final String STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String SWAGGER = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/swagger-ui") ? SWAGGER : STRICT);
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
