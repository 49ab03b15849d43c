package org.formbox.system;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool that a connection whose database H2 has closed is dead. Hikari only
 * evicts connections on network-style errors (SQL state 08…); H2's "The database has been closed"
 * (90098), "Database is already closed" (90121) and "Object already closed" (90007) would
 * otherwise be handed out again and again, and the store would never come back without a restart.
 * Set by {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class ClosedStoreConnections implements SQLExceptionOverride {

    private static final Set<Integer> CLOSED = Set.of(90098, 90121, 90007, 90067);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (CLOSED.contains(s.getErrorCode())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
