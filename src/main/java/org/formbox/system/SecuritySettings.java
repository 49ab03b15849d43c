package org.formbox.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts ({@code formbox.security.users[N].*}).
 *
 * @param users the accounts; none means one generated {@code admin}
 */
@ConfigurationProperties("formbox.security")
public record SecuritySettings(List<User> users) {

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
}
