package org.formbox.system;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts ({@code formbox.security.users[N].*}) and how wrong passwords are slowed down
 * ({@code formbox.security.login.*}).
 *
 * @param users the accounts; none means one generated {@code admin}
 * @param login the login throttle
 */
@ConfigurationProperties("formbox.security")
public record SecuritySettings(List<User> users, @DefaultValue Login login) {

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One account.
     *
     * @param username the login
     * @param password {@code {bcrypt}…} or {@code {noop}…}; a bare password is taken as plain text
     * @param role     {@code STAFF} or {@code COORDINATOR}
     */
    public record User(String username, String password, String role) {
    }

    /**
     * @param maxFailures wrong passwords in a row, per account and per client address, before a lock
     * @param lock        the first lock; each further failure doubles it
     * @param maxLock     the longest lock
     */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("PT1M") Duration lock,
                        @DefaultValue("PT15M") Duration maxLock) {
    }
}
