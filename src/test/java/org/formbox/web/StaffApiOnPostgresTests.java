package org.formbox.web;

import org.formbox.support.OnPostgres;
import org.springframework.test.context.ContextConfiguration;

/** The tests of {@link StaffApiTests}, against PostgreSQL. */
@StaffWebTest
@ContextConfiguration(initializers = OnPostgres.class)
class StaffApiOnPostgresTests extends StaffApiTests {
}
