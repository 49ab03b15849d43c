package org.formbox.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context the staff-side tests share (same properties everywhere, so Spring
 * caches it): an in-memory store, its own mail ports, a coordinator and a staff account.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webtests;DB_CLOSE_DELAY=-1",
        "formbox.archive.dir=target/test-archive-web",
        "formbox.mail.embedded=true",
        "formbox.mail.smtp.port=${TEST_PORT_PREFIX:39}27",
        "formbox.mail.imap.port=${TEST_PORT_PREFIX:39}45",
        "formbox.mail.poll-delay=600000",
        "formbox.coordinator.address=coordinator@formbox.test",
        "formbox.security.users[0].username=coordinator",
        "formbox.security.users[0].password={noop}coord-secret",
        "formbox.security.users[0].role=COORDINATOR",
        "formbox.security.users[1].username=staff",
        "formbox.security.users[1].password={noop}staff-secret",
        "formbox.security.users[1].role=STAFF"})
@AutoConfigureMockMvc
public @interface StaffWebTest {

    String COORDINATOR = "coordinator";
    String COORDINATOR_PASSWORD = "coord-secret";
    String STAFF = "staff";
    String STAFF_PASSWORD = "staff-secret";
}
