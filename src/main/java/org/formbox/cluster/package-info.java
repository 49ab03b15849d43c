/**
 * Several instances on one database: which instance polls the mailbox (a lease on the database,
 * kept alive by the leader), schedules that fire once across instances, and the name each instance
 * writes on what it claims. Applied to routes by {@link org.formbox.cluster.ClusterRoutePolicies}.
 */
package org.formbox.cluster;
