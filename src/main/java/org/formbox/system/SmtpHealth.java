package org.formbox.system;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outgoing server: connect, greet (EHLO, STARTTLS and login when configured) and quit,
 * within a few seconds. DOWN while replies cannot go out; they wait in the outbox meanwhile.
 */
@Component("smtp")
public class SmtpHealth implements HealthIndicator {

    private final MailSettings settings;
    private final Session session;

    public SmtpHealth(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        String timeout = String.valueOf(MailboxHealth.TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        boolean auth = settings.smtp().username() != null && !settings.smtp().username().isBlank();
        p.setProperty("mail.smtp.auth", String.valueOf(auth));
        if (settings.smtp().starttls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public Health health() {
        MailSettings.Smtp smtp = settings.smtp();
        Health.Builder health = new Health.Builder().withDetail("server", smtp.host() + ":" + smtp.port());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(smtp.host(), smtp.port(), blankToNull(smtp.username()), blankToNull(smtp.password()));
            return health.up().build();
        } catch (Exception e) {
            return health.down(e).build();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
