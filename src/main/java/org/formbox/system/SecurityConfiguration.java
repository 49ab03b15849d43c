package org.formbox.system;

import java.security.SecureRandom;
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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every page and API path needs a staff login: form login for the pages, HTTP Basic for the API.
 * Accounts come from configuration; with none, one {@code COORDINATOR} account {@code admin} gets a
 * random password, printed once in the log.
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
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("STAFF"))
                .httpBasic(Customizer.withDefaults())
                // scripts authenticate each request with Basic and carry no CSRF token; a browser
                // using the login session must send one like any page form
                .csrf(c -> c.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().hasRole("STAFF"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults());
        return http.build();
    }
}
