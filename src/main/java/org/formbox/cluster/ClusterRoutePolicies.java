package org.formbox.cluster;

import java.util.Set;
import net.javacrumbs.shedlock.core.LockProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.PatternHelper;

/**
 * Gives each route its part when several instances share the database, with no change to the
 * route files: routes named in {@code formbox.cluster.leader-routes} (the mailbox poller) run on
 * the leader only; routes fed by a schedule ({@code scheduler:}, {@code quartz:}, {@code cron:} —
 * the digest, reminders, any new one) run once per firing across instances; all others (the
 * outbox sender, which claims its rows) run everywhere.
 */
class ClusterRoutePolicies implements RoutePolicyFactory {

    private static final Set<String> SCHEDULES = Set.of("scheduler", "quartz", "cron");

    private final Leadership leadership;
    private final LockProvider locks;
    private final ClusterSettings settings;

    ClusterRoutePolicies(Leadership leadership, LockProvider locks, ClusterSettings settings) {
        this.leadership = leadership;
        this.locks = locks;
        this.settings = settings;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (settings.leaderRoutes().stream().anyMatch(p -> PatternHelper.matchPattern(routeId, p))) {
            return new LeaderOnlyRoutePolicy(leadership);
        }
        if (route instanceof RouteDefinition definition && definition.getInput() != null
                && SCHEDULES.contains(scheme(definition.getInput().getEndpointUri()))) {
            return new OncePerFiringRoutePolicy(locks, settings);
        }
        return null;
    }

    private static String scheme(String uri) {
        int colon = uri == null ? -1 : uri.indexOf(':');
        return colon < 0 ? "" : uri.substring(0, colon);
    }
}
