package org.formbox.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the service's heap in use (actuator) and resident set (/proc) twice a second. */
final class Sampler implements AutoCloseable {

    private final ServiceProcess service;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sampler");
        t.setDaemon(true);
        return t;
    });
    volatile double peakHeapBytes;
    volatile long peakRssKb;

    Sampler(ServiceProcess service) {
        this.service = service;
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        if (!service.alive()) {
            return;
        }
        peakHeapBytes = Math.max(peakHeapBytes, service.heapUsed());
        peakRssKb = Math.max(peakRssKb, Math.max(service.procStatus("VmHWM"), service.procStatus("VmRSS")));
    }

    double peakHeapMb() {
        return peakHeapBytes / 1024 / 1024;
    }

    double peakRssMb() {
        return peakRssKb / 1024.0;
    }

    @Override
    public void close() {
        sample();
        timer.shutdownNow();
    }
}
