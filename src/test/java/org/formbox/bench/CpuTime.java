package org.formbox.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by each side of a benchmark run, read from {@code /proc}: the service's process,
 * the IMAP server's processes (Dovecot's master and its children), this JVM (GreenMail's SMTP
 * receiving the replies, the relay) and the whole machine, busy and idle. Two readings give what
 * was spent between them: where the cores went while the backlog was worked through.
 */
final class CpuTime {

    /** Clock ticks a second of {@code /proc/<pid>/stat} and {@code /proc/stat} (USER_HZ, 100 on Linux). */
    private static final double HZ = 100;

    record Reading(long nanos, double service, double imap, double benchmark, double busy, double idle) {

        /** What was spent from {@code before} to this reading, each in CPU seconds. */
        Reading since(Reading before) {
            return new Reading(nanos - before.nanos, service - before.service, imap - before.imap,
                    benchmark - before.benchmark, busy - before.busy, idle - before.idle);
        }

        double elapsed() {
            return nanos / 1e9;
        }

        /** The cores' share in use, of all the machine's. */
        double busyShare() {
            return busy + idle == 0 ? 0 : busy / (busy + idle);
        }
    }

    private CpuTime() {
    }

    /** CPU seconds so far of each thread of a process, by thread id, with its name (as the kernel keeps it, 15 characters). */
    static java.util.Map<Long, java.util.Map.Entry<String, Double>> threads(long pid) {
        java.util.Map<Long, java.util.Map.Entry<String, Double>> threads = new java.util.HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            java.util.Map.entry(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / HZ));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended
                }
            });
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return threads;
    }

    /**
     * What the threads spent between two {@link #threads} readings, summed by kind of thread (the name without
     * its number: "C2 CompilerThre", "GC Thread", "formbox-intake-"), largest first. Threads that ended in
     * between are not counted.
     */
    static java.util.List<java.util.Map.Entry<String, Double>> byKind(java.util.Map<Long, java.util.Map.Entry<String, Double>> before,
                                                                     java.util.Map<Long, java.util.Map.Entry<String, Double>> after) {
        java.util.Map<String, Double> kinds = new java.util.TreeMap<>();
        after.forEach((tid, now) -> {
            var then = before.get(tid);
            double spent = now.getValue() - (then == null ? 0 : then.getValue());
            kinds.merge(now.getKey().replaceAll("[#\\-]?\\d+$", "").strip(), spent, Double::sum);
        });
        return kinds.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).toList();
    }

    /** The CPU seconds so far of the service (pid), the IMAP server (its root pid, or -1) and this JVM. */
    static Reading read(long servicePid, long imapPid) {
        double benchmark = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : 0;
        double imap = 0;
        if (imapPid > 0) {
            imap = ofProcess(imapPid, true) + ProcessHandle.of(imapPid).map(ProcessHandle::descendants).orElse(Stream.empty())
                    .mapToDouble(p -> ofProcess(p.pid(), false)).sum();
        }
        double busy = 0;
        double idle = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                double ticks = Long.parseLong(cpu[i]) / HZ;
                if (i == 4 || i == 5) {
                    idle += ticks;
                } else {
                    busy += ticks;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // left at 0
        }
        return new Reading(System.nanoTime(), ofProcess(servicePid, false), imap, benchmark, busy, idle);
    }

    /** utime + stime of a process (and, with {@code reaped}, of its children already waited for), in seconds; 0 when gone. */
    private static double ofProcess(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // after the command: state(3) ppid ... utime is field 14, i.e. index 11 here
            double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (reaped) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / HZ;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
