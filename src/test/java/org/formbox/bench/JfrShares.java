package org.formbox.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import java.nio.file.*;
import java.util.*;

/**
 * Where a benchmark run's CPU samples go, from JFR recordings of the service ({@code BENCHMARK_JVM=
 * "-XX:StartFlightRecording=filename=rec.jfr,settings=profile"}): the {@code jdk.ExecutionSample}s from
 * the first sample in {@code BatchIntake} to the last in {@code BatchIntake} or {@code OutboxSender},
 * by thread (reading, saving, outbox) and for some methods of the save path, a sample counting for a
 * method when it is anywhere on the stack. One column per recording, as a Markdown table:
 * {@code bin/profile-shares target/benchmark/<run>/rec.jfr ...}.
 */
public final class JfrShares {

    private JfrShares() {
    }

    public static void main(String[] a) throws Exception {
        String[] keys = {"Submissions.save", "FileAttribution.attach", "EnterpriseFiles.refresh", "EnterpriseFiles.load",
            "EnterpriseRegistry.forName", "Submissions.insertReading", "SessionLocal.commit", "MVStore.store", "Sequence.flush",
            "Outbox.sent", "OutboxClaims", "TemplateEngine.process", "SubmissionSearch.detail", "ReplyLimiter.refuse", "MailIntake.commitAll"};
        String[] groups = {"reading threads", "saving (poller) thread", "outbox thread", "other"};
        List<String> header = new ArrayList<>();
        List<long[]> cols = new ArrayList<>();
        for (String file : a) {
            List<List<String>> samples = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(file))) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
                List<String> fr = new ArrayList<>();
                for (RecordedFrame f : e.getStackTrace().getFrames()) fr.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                samples.add(fr);
                times.add(e.getStartTime().toEpochMilli() * 1000 + samples.size() % 1000);
            }
            Integer[] idx = new Integer[samples.size()];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            Arrays.sort(idx, Comparator.comparing(times::get));
            int lo = -1, hi = -1;
            for (int k = 0; k < idx.length; k++) {
                String j = String.join(" ", samples.get(idx[k]));
                if (j.contains("intake.BatchIntake") && lo < 0) lo = k;
                if (j.contains("intake.BatchIntake") || j.contains("OutboxSender")) hi = k;
            }
            long[] c = new long[1 + groups.length + keys.length];
            for (int k = lo; k <= hi; k++) {
                List<String> fr = samples.get(idx[k]);
                String j = String.join(" ", fr);
                c[0]++;
                if (j.contains("OutboxSender")) {
                    c[1 + 2]++; // the outbox thread
                } else if (j.contains("BatchIntake") && !j.contains("MailIntake.prepare") && !j.contains("BatchIntake.lambda")) {
                    c[1 + 1]++; // the poller: saving, commits, moves
                } else if (j.contains("MailIntake.prepare") || j.contains("extraction.")) {
                    c[1]++; // the readers
                } else {
                    c[1 + 3]++;
                }
                for (int q = 0; q < keys.length; q++) if (j.contains(keys[q])) c[1 + groups.length + q]++;
            }
            header.add(Path.of(file).getParent().getFileName().toString());
            cols.add(c);
        }
        System.out.println("| samples | " + String.join(" | ", header) + " |");
        System.out.println("|---|" + "---|".repeat(header.size()));
        List<String> names = new ArrayList<>();
        names.add("all, first fetch → last reply");
        names.addAll(List.of(groups));
        names.addAll(List.of(keys));
        for (int r = 0; r < names.size(); r++) {
            StringBuilder sb = new StringBuilder("| " + names.get(r) + " |");
            for (long[] c : cols) sb.append(r == 0 ? " " + c[0] + " |" : String.format(" %d (%.1f %%) |", c[r], 100.0 * c[r] / c[0]));
            System.out.println(sb);
        }
    }
}
