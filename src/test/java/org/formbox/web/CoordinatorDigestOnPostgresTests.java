package org.formbox.web;

import org.formbox.support.OnPostgres;
import org.springframework.test.context.ContextConfiguration;

/** The tests of {@link CoordinatorDigestTests}, against PostgreSQL. */
@StaffWebTest
@ContextConfiguration(initializers = OnPostgres.class)
class CoordinatorDigestOnPostgresTests extends CoordinatorDigestTests {
}
