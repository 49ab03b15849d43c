package org.formbox.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Password guessing is slowed per account and per client address, for form login and Basic
 * alike; only a request whose Basic login succeeded skips CSRF; the session cookie stays on this
 * site. A service of its own, so that locked accounts cannot disturb other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:loginsecurity;DB_CLOSE_DELAY=-1",
        "formbox.archive.dir=target/test-data/loginsecurity/archive",
        "formbox.mail.spool-dir=target/test-data/loginsecurity/spool-${random.uuid}",
        "formbox.intake.reconcile=false",
        "formbox.mail.smtp.port=${TEST_PORT_PREFIX:39}29",
        "formbox.mail.imap.port=${TEST_PORT_PREFIX:39}49",
        "formbox.mail.poll-delay=600000",
        "server.forward-headers-strategy=native",
        "formbox.security.users[0].username=form-clerk",
        "formbox.security.users[0].password={noop}form-pass",
        "formbox.security.users[1].username=basic-clerk",
        "formbox.security.users[1].password={noop}basic-pass",
        "formbox.security.users[2].username=coordinator",
        "formbox.security.users[2].password={noop}coord-pass",
        "formbox.security.users[2].role=COORDINATOR",
        "formbox.security.users[3].username=spare-clerk",
        "formbox.security.users[3].password={noop}spare-pass"})
@AutoConfigureMockMvc
class LoginSecurityTests {

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void formLoginIsLockedAfterFiveWrongPasswordsEvenForTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("form-clerk", "guess" + i, "198.51.100." + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("form-clerk", "form-pass", "198.51.100.99")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login").param("locked", "")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("登录失败次数过多")));
        // the same account over Basic is locked too
        mvc.perform(get("/api/submissions").with(httpBasic("form-clerk", "form-pass")).with(from("198.51.100.98")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value(containsString("分钟后再试")));
    }

    @Test
    void basicLoginIsLockedAfterFiveWrongPasswords() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/submissions").with(httpBasic("basic-clerk", "guess" + i)).with(from("203.0.113." + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/submissions").with(httpBasic("basic-clerk", "basic-pass")).with(from("203.0.113.99")))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/submissions").with(httpBasic("BASIC-CLERK ", "guess")).with(from("203.0.113.98")))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void oneClientAddressGuessingManyAccountsIsLocked() throws Exception {
        String address = "192.0.2.50";
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/submissions").with(httpBasic("nobody" + i, "guess")).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/submissions").with(httpBasic("spare-clerk", "spare-pass")).with(from(address)))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/submissions").with(httpBasic("spare-clerk", "spare-pass")).with(from("192.0.2.51")))
                .andExpect(status().isOk());
    }

    @Test
    void onlyASuccessfulBasicLoginSkipsTheCsrfCheck() throws Exception {
        MockHttpSession session = login("coordinator", "coord-pass");
        String override = "/api/submissions/999999/findings/1/override";
        String note = "{\"note\":\"x\"}";
        // with the session and a token: through to the (missing) submission
        mvc.perform(post(override).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(note))
                .andExpect(status().isNotFound());
        // with the session, no token, and an Authorization header that proves nothing: refused
        for (String authorization : List.of("Bearer forged", "Basic !!!", "Basic " + basic("coordinator", "wrong"),
                "Basic " + basic("nobody", "x"), "Digest username=\"coordinator\"")) {
            mvc.perform(post(override).session(session).header("Authorization", authorization)
                            .contentType(MediaType.APPLICATION_JSON).content(note))
                    .andExpect(status().is(anyOf(is(401), is(403))));
        }
        // a script with working Basic credentials needs no token
        mvc.perform(post(override).with(httpBasic("coordinator", "coord-pass")).contentType(MediaType.APPLICATION_JSON)
                        .content(note))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureOverTls() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(plain);
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");

        // behind a TLS proxy (server.forward-headers-strategy=native here) the cookie is Secure
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(tls)).contains("SameSite=Lax").contains("Secure");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private MockHttpSession login(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin(user, password, "127.0.0.1"))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    private static MockHttpServletRequestBuilder formLogin(String user, String password, String address) {
        return post("/login").param("username", user).param("password", password).with(csrf()).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
