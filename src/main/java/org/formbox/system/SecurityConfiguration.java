package org.formbox.system;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every page and API path needs a staff login: form login for the pages, HTTP Basic for the API.
 * Accounts come from configuration; with none, one {@code COORDINATOR} account {@code admin} gets a
 * random password, printed once in the log. Wrong passwords are throttled per account and per
 * client address ({@link LoginThrottle}), for both kinds of login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecuritySettings settings, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (SecuritySettings.User u : settings.users()) {
            String password = u.password().startsWith("{") ? u.password() : "{noop}" + u.password();
            String role = u.role() == null ? "STAFF" : u.role().toUpperCase(Locale.ROOT);
            List<String> roles = role.equals("COORDINATOR") ? List.of("STAFF", "COORDINATOR") : List.of("STAFF");
            users.add(User.withUsername(u.username()).password(password).roles(roles.toArray(String[]::new)).build());
        }
        if (users.isEmpty()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("No staff accounts configured: log in as 'admin' with password {} (set formbox.security.users to choose your own)", password);
            users.add(User.withUsername("admin").password(encoder.encode(password)).roles("STAFF", "COORDINATOR").build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    LoginThrottle loginThrottle(SecuritySettings settings, Clock clock) {
        SecuritySettings.Login login = settings.login();
        return new LoginThrottle(clock, login.maxFailures(), login.lock(), login.maxLock());
    }

    /** The one password check of form login and HTTP Basic, behind the login throttle. */
    @Bean
    AuthenticationManager staffAuthentication(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthentication(passwords, throttle));
    }

    /**
     * API requests that carry an {@code Authorization} header are judged by that header alone: this
     * chain never reads the session, so a request gets through only when its HTTP Basic
     * authentication succeeded, and only such requests skip the CSRF check (scripts send no token).
     * An invalid or non-Basic header with a browser's session cookie gets 401, never the session.
     */
    @Bean
    @Order(1)
    SecurityFilterChain basicApi(HttpSecurity http, AuthenticationManager staffAuthentication) throws Exception {
        RequestMatcher api = apiPaths();
        http.securityMatcher(request -> api.matches(request) && request.getHeader("Authorization") != null)
                .authenticationManager(staffAuthentication)
                .authorizeHttpRequests(SecurityConfiguration::apiAccess)
                .httpBasic(b -> b.authenticationEntryPoint(basicEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable());
        return http.build();
    }

    /** The API used from a logged-in browser: the session, and a CSRF token on every change like any page form. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager staffAuthentication) throws Exception {
        http.securityMatcher(apiPaths())
                .authenticationManager(staffAuthentication)
                .authorizeHttpRequests(SecurityConfiguration::apiAccess)
                .httpBasic(b -> b.authenticationEntryPoint(basicEntryPoint()))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager staffAuthentication) throws Exception {
        http.authenticationManager(staffAuthentication)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().hasRole("STAFF"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof ThrottledAuthentication.Throttled ? "/login?locked" : "/login?error")))
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    private static RequestMatcher apiPaths() {
        var paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/actuator/**"), paths.matcher("/v3/api-docs/**"));
    }

    private static void apiAccess(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll().anyRequest().hasRole("STAFF");
    }

    /** 401 with a Basic challenge; 429 with Retry-After and a plain sentence while the login is locked. */
    private static AuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("formbox");
        return (request, response, e) -> {
            if (e instanceof ThrottledAuthentication.Throttled t) {
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"error\":\"登录失败次数过多，请 " + t.minutes() + " 分钟后再试。\"}");
            } else {
                basic.commence(request, response, e);
            }
        };
    }
}
