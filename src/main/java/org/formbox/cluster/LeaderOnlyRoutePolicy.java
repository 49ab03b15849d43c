package org.formbox.cluster;

import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/** Lets a route consume only while this instance holds the {@link Leadership} lease. */
class LeaderOnlyRoutePolicy extends RoutePolicySupport {

    private final Leadership leadership;

    LeaderOnlyRoutePolicy(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public void onStart(Route route) {
        leadership.follow(route);
    }

    @Override
    public void onStop(Route route) {
        leadership.unfollow(route);
    }

    @Override
    public void onRemove(Route route) {
        leadership.unfollow(route);
    }
}
