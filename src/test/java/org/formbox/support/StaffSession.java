package org.formbox.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff member's browser session against the running service: form login, pages, form posts with the CSRF token. */
public final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private StaffSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in with this account. */
    public static StaffSession login(int port, String user, String password) {
        StaffSession s = new StaffSession(port);
        String token = s.token("/login");
        HttpResponse<String> r = s.send("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode());
        }
        return s;
    }

    /** A page's HTML. */
    public String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form (url-encoded pairs, without the token) as the page would; returns the HTTP status. */
    public int post(String path, String form) {
        String token = token("/");
        return send(path, (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(token)).statusCode();
    }

    private String token(String page) {
        Matcher m = CSRF.matcher(get(page));
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(String path, String form) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form value, url-encoded. */
    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
