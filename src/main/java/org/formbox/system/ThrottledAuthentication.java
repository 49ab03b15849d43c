package org.formbox.system;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check for form login and HTTP Basic alike, behind the {@link LoginThrottle}: a
 * locked account or client address is refused before the password is checked.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** A login refused because of too many failures; {@link #retryAfter()} says for how long. */
    static final class Throttled extends AuthenticationException {

        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many failed logins; retry after " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }

        /** The wait in whole minutes, as a person is told it. */
        long minutes() {
            return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        }
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        String account = login.getName();
        String address = login.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        var locked = throttle.begin(account, address);
        if (locked.isPresent()) {
            throw new Throttled(locked.get());
        }
        Authentication done = passwords.authenticate(login); // a wrong password stays counted
        throttle.succeeded(account, address);
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
