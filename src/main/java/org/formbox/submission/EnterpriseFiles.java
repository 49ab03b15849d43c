package org.formbox.submission;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Role;
import org.formbox.system.CallSettings;
import org.formbox.validation.CheckedDocument;
import org.formbox.validation.Checks;
import org.formbox.validation.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads enterprise files: for each enterprise its current Annex 1 and Annex 2 (the latest readable
 * document of each kind that is not waiting for staff), the checks run on that pair (so a
 * cross-annex check runs when the second annex arrives, whichever mail brought it), overrides a
 * coordinator made on the source submissions, and the state. The pages, the API, the workbook,
 * the digest, the replies and the reminders all read files from here.
 */
@Service
public class EnterpriseFiles {

    private static final Comparator<EnterpriseFile.Annex> ARRIVAL = Comparator
            .comparing(EnterpriseFile.Annex::receivedAt).thenComparingLong(EnterpriseFile.Annex::submissionId)
            .thenComparingLong(EnterpriseFile.Annex::documentId);

    private final JdbcClient jdbc;
    private final CallSettings call;
    private final Clock clock;
    private final Checks checks = new Checks();
    private final FilesForReplies forReplies = new FilesForReplies();

    public EnterpriseFiles(JdbcClient jdbc, CallSettings call, Clock clock) {
        this.jdbc = jdbc;
        this.call = call;
        this.clock = clock;
    }

    /** Every enterprise's file, roster entries and unexpected ones, by name. */
    public List<EnterpriseFile> all() {
        return load(null, null, Long.MAX_VALUE, true);
    }

    /** One enterprise's file as it stands now. */
    public Optional<EnterpriseFile> file(long enterpriseId) {
        return load(enterpriseId, null, Long.MAX_VALUE, true).stream().findFirst();
    }

    /**
     * One enterprise's file as it stands now, with the values of its current pair only (the other
     * documents' {@code fields} are empty): its state, findings and contact details, for the intake.
     */
    Optional<EnterpriseFile> standing(long enterpriseId) {
        return load(enterpriseId, null, Long.MAX_VALUE, false).stream().findFirst();
    }

    /**
     * An enterprise's file as it stood right after this submission was saved (what its reply
     * describes), with the values of its current pair only. The intake hands over the file it built
     * while saving ({@link #keepForReply}); otherwise (a reply sent by another instance, or after a
     * restart) it is read again, up to this submission.
     */
    public Optional<EnterpriseFile> fileAsOf(long enterpriseId, long submissionId) {
        EnterpriseFile kept = forReplies.take(enterpriseId, submissionId);
        if (kept != null) {
            return Optional.of(kept);
        }
        Instant at = jdbc.sql("select received_at from submission where id = ?").param(submissionId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
        return load(enterpriseId, at, submissionId, false).stream().findFirst();
    }

    /** Keeps the file as it stands right after this submission, for its reply, once the transaction commits. */
    void keepForReply(long submissionId, EnterpriseFile file) {
        forReplies.keepAfterCommit(file.id(), submissionId, file);
    }

    /**
     * A document of a submission as filed.
     *
     * @param enterpriseId the enterprise it was filed under
     * @param documentId   the document
     * @param annex        the annex of its form (ANNEX_1 …)
     * @param heldBecause  why it waits for staff, or null
     */
    public record Filed(long enterpriseId, long documentId, String annex, String heldBecause) {
    }

    /** Where the form documents of a submission were filed, in document order. */
    public List<Filed> filedIn(long submissionId) {
        return jdbc.sql("""
                select enterprise_id, document_id, annex, held_because from file_document where submission_id = ?
                order by document_id""").param(submissionId)
                .query((rs, n) -> new Filed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    /** The enterprise this submission's forms were filed under first, if any. */
    public Optional<Long> enterpriseOf(long submissionId) {
        return filedIn(submissionId).stream().map(Filed::enterpriseId).findFirst();
    }

    /**
     * A coordinator confirms a held document: it joins the file (current when it is the latest of its
     * kind) and its sender becomes a known sender of the enterprise.
     *
     * @return false when there is no such held document
     */
    @Transactional
    public boolean confirm(long enterpriseId, long documentId, String user) {
        int n = jdbc.sql("""
                update file_document set held_because = null, confirmed_by = ?, confirmed_at = ?
                where enterprise_id = ? and document_id = ? and held_because is not null""")
                .params(user, clock.instant().atOffset(ZoneOffset.UTC), enterpriseId, documentId).update();
        if (n > 0) {
            refresh(enterpriseId, clock.instant());
        }
        return n > 0;
    }

    /**
     * Records when a file first became complete; called whenever a file may have changed.
     *
     * @return the file as it stands now ({@link #standing})
     */
    Optional<EnterpriseFile> refresh(long enterpriseId, Instant at) {
        return refresh(enterpriseId, at, false);
    }

    /**
     * {@link #refresh}, told whether the submission just filed is the only one in the file: then no
     * finding of the file can have been overridden yet (its own were written by this transaction), and
     * the overrides are not looked up.
     */
    Optional<EnterpriseFile> refresh(long enterpriseId, Instant at, boolean onlySubmission) {
        Optional<EnterpriseFile> file = load(enterpriseId, null, Long.MAX_VALUE, false, onlySubmission).stream().findFirst();
        if (file.isEmpty() || file.get().state() != EnterpriseState.ACCEPTED || file.get().completedAt() != null) {
            return file;
        }
        jdbc.sql("update enterprise set completed_at = ? where id = ? and completed_at is null")
                .params(at.atOffset(ZoneOffset.UTC), enterpriseId).update();
        return file.map(f -> completed(f, at));
    }

    private EnterpriseFile completed(EnterpriseFile f, Instant at) {
        return new EnterpriseFile(f.id(), f.name(), f.region(), f.programme(), f.contactName(), f.contactEmail(),
                f.contactPhone(), f.onRoster(), f.current(), f.findings(), f.held(), f.versions(), f.state(),
                late(at), at, f.lastReminderAt(), f.lastSender(), f.bouncedAddress());
    }

    /** {@link #refresh} for every file holding a document of this submission (after an override). */
    void refreshFor(long submissionId, Instant at) {
        filedIn(submissionId).stream().map(Filed::enterpriseId).distinct().forEach(e -> refresh(e, at));
    }

    /**
     * Of these submissions, those with a document standing in some file.
     *
     * @param known files read already (as they stand now), so that they are not read again
     */
    Set<Long> standingSubmissions(Collection<Long> submissionIds, Collection<EnterpriseFile> known) {
        Set<Long> enterprises = new HashSet<>();
        for (long s : submissionIds) {
            filedIn(s).forEach(f -> enterprises.add(f.enterpriseId()));
        }
        Map<Long, EnterpriseFile> read = new HashMap<>();
        known.forEach(f -> read.put(f.id(), f));
        Set<Long> standing = new HashSet<>();
        for (long e : enterprises) {
            Optional.ofNullable(read.get(e)).or(() -> standing(e))
                    .ifPresent(f -> f.current().values().forEach(a -> standing.add(a.submissionId())));
        }
        return standing;
    }

    /**
     * A mail the service sent about an enterprise's file: a reply to one of its mails, or a reminder.
     *
     * @param kind         REPLY or REMINDER
     * @param submissionId the mail answered, or null for a reminder
     * @param recipient    to whom
     * @param state        SENT, PENDING, SUPPRESSED or FAILED
     * @param at           when it was sent, else when it was written
     */
    public record Letter(String kind, Long submissionId, String recipient, String state, Instant at) {
    }

    /** The replies and reminders sent about an enterprise's file, oldest first. */
    public List<Letter> correspondence(long enterpriseId) {
        List<Letter> letters = new ArrayList<>(jdbc.sql("""
                select o.submission_id, o.recipient, o.state, coalesce(o.sent_at, o.created_at) from outbox o
                where o.kind = 'REPLY' and o.submission_id in (select submission_id from file_document where enterprise_id = ?)""")
                .param(enterpriseId).query((rs, n) -> new Letter("REPLY", rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4))).list());
        letters.addAll(jdbc.sql("""
                select recipient, state, coalesce(sent_at, created_at) from reminder where enterprise_id = ?""")
                .param(enterpriseId).query((rs, n) -> new Letter("REMINDER", null, rs.getString(1), rs.getString(2),
                        instant(rs, 3))).list());
        letters.sort(Comparator.comparing(Letter::at));
        return letters;
    }

    /** The last reply sent for any mail of each enterprise, by enterprise. */
    public Map<Long, Instant> lastReplies() {
        Map<Long, Instant> last = new HashMap<>();
        jdbc.sql("""
                select f.enterprise_id, max(o.sent_at) from outbox o join file_document f on f.submission_id = o.submission_id
                where o.kind = 'REPLY' and o.state = 'SENT' group by f.enterprise_id""")
                .query(rs -> {
                    last.put(rs.getLong(1), instant(rs, 2));
                });
        return last;
    }

    private record Entry(long id, String name, String region, String contactName, String contactEmail,
                         String contactPhone, boolean onRoster, Instant completedAt, String bouncedAddress) {
    }

    private record Override(long submissionId, String rule, String message) {
    }

    /** A row of file_document, before its values are known. */
    private record Row(long enterpriseId, long documentId, long submissionId, String kind, String sender, Instant receivedAt,
                       String filename, String heldBecause, String confirmedBy) {

        EnterpriseFile.Annex annex(Map<String, FieldValue> values) {
            return new EnterpriseFile.Annex(documentId, submissionId, kind, sender, receivedAt, filename, display(values),
                    heldBecause, confirmedBy);
        }
    }

    /**
     * The files, with every document's values ({@code everyValue}: the pages, the API, the workbook)
     * or only those of each current pair: what a file's state, its checks, its contact details and a
     * reply need. The intake reads a file several times a mail, and an enterprise that wrote sixty
     * times made it read sixty documents' values each time (docs/benchmark.md).
     */
    private List<EnterpriseFile> load(Long enterpriseId, Instant cutAt, long cutId, boolean everyValue) {
        return load(enterpriseId, cutAt, cutId, everyValue, false);
    }

    /** @param noOverrides the caller knows that no finding of the file has been overridden (its only submission is being saved) */
    private List<EnterpriseFile> load(Long enterpriseId, Instant cutAt, long cutId, boolean everyValue, boolean noOverrides) {
        // one enterprise or all: the same statements, with or without a bound id
        Object[] id = enterpriseId == null ? new Object[0] : new Object[] {enterpriseId};
        String only = enterpriseId == null ? "" : " where e.id = ?";
        List<Entry> entries = jdbc.sql("""
                select e.id, e.name, e.region, e.contact_name, e.contact_email, e.contact_phone, e.on_roster,
                  e.completed_at, e.bounced_address from enterprise e""" + only + " order by e.name, e.id")
                .params(id).query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), instant(rs, 8), rs.getString(9))).list();
        String docsOnly = enterpriseId == null ? "" : " where f.enterprise_id = ?";
        Map<Long, List<Row>> rows = new HashMap<>();
        jdbc.sql("""
                select f.enterprise_id, f.document_id, f.submission_id, f.annex, f.sender, f.received_at, d.filename,
                  f.held_because, f.confirmed_by
                from file_document f join document d on d.id = f.document_id""" + docsOnly)
                .params(id).query(rs -> {
                    Row r = new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            instant(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9));
                    if (cutAt == null || r.receivedAt().isBefore(cutAt)
                            || r.receivedAt().equals(cutAt) && r.submissionId() <= cutId) {
                        rows.computeIfAbsent(r.enterpriseId(), k -> new ArrayList<>()).add(r);
                    }
                });
        Map<Long, Map<String, FieldValue>> values = everyValue ? everyValue(id, docsOnly) : currentValues(rows.values());
        // for one file only what concerns it: the intake reads a file several times per mail
        String ownMails = enterpriseId == null ? ""
                : " and submission_id in (select submission_id from file_document where enterprise_id = ?)";
        List<Override> overrides = noOverrides ? List.of()
                : jdbc.sql("select submission_id, rule, message from finding where overridden_by is not null"
                        + ownMails).params(id)
                .query((rs, n) -> new Override(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        Map<Long, Instant> reminded = new HashMap<>();
        jdbc.sql("select enterprise_id, max(sent_at) from reminder where state = 'SENT'"
                        + (enterpriseId == null ? "" : " and enterprise_id = ?") + " group by enterprise_id").params(id)
                .query(rs -> {
                    reminded.put(rs.getLong(1), instant(rs, 2));
                });
        List<EnterpriseFile> files = new ArrayList<>();
        for (Entry e : entries) {
            List<EnterpriseFile.Annex> all = new ArrayList<>();
            for (Row r : rows.getOrDefault(e.id(), List.of())) {
                all.add(r.annex(values.get(r.documentId())));
            }
            all.sort(ARRIVAL);
            Map<String, EnterpriseFile.Annex> current = current(all);
            List<Finding> findings = findings(current, values, overrides);
            EnterpriseState state = EnterpriseFile.stateOf(current, findings);
            Instant completed = e.completedAt() == null && state == EnterpriseState.ACCEPTED && cutAt != null
                    ? cutAt : e.completedAt();
            String lastSender = all.stream().filter(a -> a.heldBecause() == null).reduce((x, y) -> y)
                    .map(EnterpriseFile.Annex::sender).orElse(null);
            files.add(new EnterpriseFile(e.id(), e.name(),
                    first(e.region(), text(current, Role.REGION)), text(current, Role.PROGRAMME),
                    first(e.contactName(), text(current, Role.CONTACT_NAME)), first(e.contactEmail(), text(current, Role.CONTACT_EMAIL)),
                    first(e.contactPhone(), text(current, Role.CONTACT_PHONE)), e.onRoster(), current, findings,
                    all.stream().filter(a -> a.heldBecause() != null).toList(), all, state,
                    late(completed), completed, reminded.get(e.id()), lastSender, e.bouncedAddress()));
        }
        return files;
    }

    /** The values of every filed document (of one enterprise, or of all), by document. */
    private Map<Long, Map<String, FieldValue>> everyValue(Object[] id, String docsOnly) {
        Map<Long, Map<String, FieldValue>> values = new HashMap<>();
        jdbc.sql("""
                select v.document_id, v.field_key, v.text_value, v.num_value, v.raw_text, v.value_source, v.confidence
                from field_value v join file_document f on f.document_id = v.document_id""" + docsOnly + " order by v.id")
                .params(id).query(rs -> {
                    put(values, rs);
                });
        return values;
    }

    /** The values of each file's current document of each form alone, by document. */
    private Map<Long, Map<String, FieldValue>> currentValues(Collection<List<Row>> files) {
        List<Object> current = new ArrayList<>();
        for (List<Row> file : files) {
            for (Annex kind : FieldCatalog.annexes()) {
                Row latest = null;
                for (Row r : file) {
                    if (r.heldBecause() == null && kind.name().equals(r.kind())
                            && (latest == null || ARRIVAL_ROWS.compare(r, latest) > 0)) {
                        latest = r;
                    }
                }
                if (latest != null) {
                    current.add(latest.documentId());
                }
            }
        }
        Map<Long, Map<String, FieldValue>> values = new HashMap<>();
        if (current.isEmpty()) {
            return values;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(current.size(), "?"));
        jdbc.sql("select document_id, field_key, text_value, num_value, raw_text, value_source, confidence from field_value"
                + " where document_id in ("
                + marks + ") order by id").params(current).query(rs -> {
                    put(values, rs);
                });
        return values;
    }

    private static final Comparator<Row> ARRIVAL_ROWS = Comparator.comparing(Row::receivedAt)
            .thenComparingLong(Row::submissionId).thenComparingLong(Row::documentId);

    /**
     * One stored value with where it was read from: the file's checks must treat a value OCR read (or
     * missed) as the submission's did, so a scan's gaps are not errors in the file either.
     */
    private static void put(Map<Long, Map<String, FieldValue>> values, ResultSet rs) throws SQLException {
        String source = rs.getString(6);
        BigDecimal confidence = rs.getBigDecimal(7);
        values.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                new FieldValue(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                        source == null ? null : valueSource(source), confidence == null ? null : confidence.doubleValue()));
    }

    private static org.formbox.forms.ValueSource valueSource(String name) {
        try {
            return org.formbox.forms.ValueSource.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean late(Instant completedAt) {
        return call.deadline().map(d -> completedAt != null ? completedAt.isAfter(d.toInstant())
                : clock.instant().isAfter(d.toInstant())).orElse(false);
    }

    /** The latest document of each form not waiting for staff, by annex, in annex order. */
    private static Map<String, EnterpriseFile.Annex> current(List<EnterpriseFile.Annex> docs) {
        Map<String, EnterpriseFile.Annex> current = new LinkedHashMap<>();
        for (Annex kind : FieldCatalog.annexes()) {
            for (EnterpriseFile.Annex a : docs) {
                if (a.heldBecause() == null && kind.name().equals(a.kind())) {
                    current.put(kind.name(), a);
                }
            }
        }
        return current;
    }

    /** The checks of docs/FORMS.md on the current pair, without what a coordinator overrode on the source mail. */
    private List<Finding> findings(Map<String, EnterpriseFile.Annex> current, Map<Long, Map<String, FieldValue>> values,
                                   List<Override> overrides) {
        List<CheckedDocument> pair = new ArrayList<>();
        Set<Long> sources = new HashSet<>();
        for (EnterpriseFile.Annex a : current.values()) {
            pair.add(new CheckedDocument(a.filename(), Annex.valueOf(a.kind()), values.getOrDefault(a.documentId(), Map.of()),
                    null));
            sources.add(a.submissionId());
        }
        if (pair.isEmpty()) {
            return List.of();
        }
        return checks.check(pair).stream()
                .filter(f -> overrides.stream().noneMatch(o -> sources.contains(o.submissionId())
                        && o.rule().equals(f.rule()) && o.message().equals(f.message())))
                .toList();
    }

    private static Map<String, Object> display(Map<String, FieldValue> values) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                Object value = SubmissionView.value(v.number(), v.text());
                if (value != null && !(value instanceof String s && s.isBlank())) {
                    fields.put(k, value instanceof BigDecimal b ? b : value);
                }
            });
        }
        return fields;
    }

    /** The value of the field playing this role, from the current document of the form holding it. */
    private static String text(Map<String, EnterpriseFile.Annex> current, Role role) {
        String key = FieldCatalog.role(role).orElse(null);
        for (EnterpriseFile.Annex a : current.values()) {
            Object v = key == null ? null : a.fields().get(key);
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
