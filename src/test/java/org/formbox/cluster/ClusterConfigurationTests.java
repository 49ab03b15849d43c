package org.formbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterConfigurationTests {

    @Test
    void onlyAnEmbeddedH2StoreIsKnownToHaveNoOtherInstance() {
        assertThat(ClusterConfiguration.soleProcess("jdbc:h2:file:./data/formbox;AUTO_SERVER=FALSE;WRITE_DELAY=0")).isTrue();
        assertThat(ClusterConfiguration.soleProcess("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isTrue();
        assertThat(ClusterConfiguration.soleProcess("jdbc:h2:file:/srv/formbox;AUTO_SERVER=TRUE")).isFalse();
        assertThat(ClusterConfiguration.soleProcess("jdbc:h2:tcp://db/formbox")).isFalse();
        assertThat(ClusterConfiguration.soleProcess("jdbc:postgresql://db/formbox")).isFalse();
    }
}
