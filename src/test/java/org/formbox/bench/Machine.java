package org.formbox.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a figure was measured on: CPU model, cores, memory, JVM. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        } catch (Exception notLinux) {
            // described as unknown
        }
        return String.format("%s, %d cores (nproc), %.1f GB RAM, Java %s, load average %s", cpu,
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0, System.getProperty("java.version"), load());
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (Exception notLinux) {
            return "unknown";
        }
    }
}
