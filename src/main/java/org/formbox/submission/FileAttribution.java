package org.formbox.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.validation.OrganizationNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts each form document of a new submission into the file of the enterprise it names, inside the
 * submission's transaction. A mail may carry the forms of several enterprises (a bureau's bundle):
 * each goes to its own file. A document from a sender the file does not know (another address and
 * another domain than the roster contact and every sender whose documents stand) is kept but held
 * for staff to confirm, so that nobody can replace another enterprise's data by naming it.
 */
@Component
class FileAttribution {

    static final String OTHER_SENDER = "OTHER_SENDER";

    private final JdbcClient jdbc;
    private final EnterpriseRegistry registry;
    private final EnterpriseFiles files;

    FileAttribution(JdbcClient jdbc, EnterpriseRegistry registry, EnterpriseFiles files) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.files = files;
    }

    /** A form document of the new submission, with the name it gives. */
    private record Form(long documentId, Annex annex, String name) {
    }

    /**
     * Files the form documents of a saved submission and updates its version links.
     *
     * @param documentIds the ids of the draft's documents, in the draft's order
     */
    void attach(long submissionId, SubmissionDraft draft, List<Long> documentIds) {
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < draft.documents().size(); i++) {
            SubmissionDraft.Document d = draft.documents().get(i);
            if (d.annex() != null && d.annex().isForm() && d.unreadable() == null) {
                String key = org.formbox.forms.FieldCatalog.form(d.annex()).map(org.formbox.forms.FormDef::nameField).orElseThrow();
                forms.add(new Form(documentIds.get(i), d.annex(), text(d.fields().get(key))));
            }
        }
        if (forms.isEmpty()) {
            return;
        }
        String sender = Senders.normalise(draft.sender());
        Map<String, List<Form>> groups = group(forms);
        Integer version = null;
        Long supersedes = null;
        for (Map.Entry<String, List<Form>> group : groups.entrySet()) {
            Set<String> kinds = new LinkedHashSet<>();
            group.getValue().forEach(f -> kinds.add(f.annex().name()));
            long enterprise = group.getKey() == null ? registry.forSender(sender)
                    : registry.forName(group.getKey(), sender, kinds);
            // the other submissions filed for the enterprise: on a deadline morning most mails are an
            // enterprise's first, and then there is no known sender, nothing to supersede, no override
            int others = jdbc.sql("""
                    select count(distinct submission_id) from file_document where enterprise_id = ? and submission_id <> ?""")
                    .params(enterprise, submissionId).query(Integer.class).single();
            boolean onlyOne = others == 0;
            List<String> known = onlyOne ? List.of() : knownSenders(enterprise);
            String held = trusts(enterprise, known, sender) ? null : OTHER_SENDER;
            // only a standing document of this very sender can be superseded: none stands without a known sender
            List<EnterpriseFile.Annex> before = held == null && !known.isEmpty() ? current(enterprise) : List.of();
            for (Form f : group.getValue()) {
                jdbc.sql("""
                        insert into file_document (enterprise_id, submission_id, document_id, annex, sender, received_at, held_because)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(enterprise, submissionId, f.documentId(), f.annex().name(), sender,
                                Submissions.utc(draft.receivedAt()), held).update();
            }
            if (version == null) {
                version = 1 + others;
            }
            if (held == null) {
                Set<String> replaced = new LinkedHashSet<>();
                group.getValue().forEach(f -> replaced.add(f.annex().name()));
                for (EnterpriseFile.Annex b : before) {
                    if (replaced.contains(b.kind()) && sender != null && sender.equals(b.sender()) && supersedes == null) {
                        supersedes = b.submissionId();
                    }
                }
                EnterpriseFile now = files.refresh(enterprise, draft.receivedAt(), onlyOne).orElseThrow();
                if (!onlyOne) {
                    markSuperseded(enterprise, submissionId, now);
                }
                files.keepForReply(submissionId, now);
            }
        }
        jdbc.sql("update submission set version = ?, supersedes = ? where id = ?").params(version, supersedes, submissionId).update();
    }

    /**
     * How a document of a submission was filed before a re-read.
     *
     * @param seq          the document's place in the message
     * @param enterpriseId its enterprise
     * @param heldBecause  why it was held, or null
     * @param confirmedBy  who confirmed it, or null
     * @param confirmedAt  when
     */
    record Previous(int seq, long enterpriseId, String heldBecause, String confirmedBy, java.time.OffsetDateTime confirmedAt) {
    }

    /** Takes a submission's documents out of the files before they are read again. */
    List<Previous> detach(long submissionId) {
        List<Previous> filed = jdbc.sql("""
                select d.seq, f.enterprise_id, f.held_because, f.confirmed_by, f.confirmed_at
                from file_document f join document d on d.id = f.document_id where f.submission_id = ?""")
                .param(submissionId).query((rs, n) -> new Previous(rs.getInt(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class))).list();
        jdbc.sql("delete from file_document where submission_id = ?").param(submissionId).update();
        return filed;
    }

    /**
     * Files a re-read submission: documents filed before go back where they were, held or
     * confirmed as they were; a submission that had none filed is filed afresh.
     */
    void reattach(long submissionId, SubmissionDraft draft, List<Long> documentIds, List<Previous> previous) {
        if (previous.isEmpty()) {
            attach(submissionId, draft, documentIds);
            return;
        }
        String sender = Senders.normalise(draft.sender());
        Set<Long> touched = new LinkedHashSet<>();
        for (Previous p : previous) {
            if (p.seq() >= draft.documents().size()) {
                continue;
            }
            SubmissionDraft.Document d = draft.documents().get(p.seq());
            if (d.annex() != null && d.annex().isForm() && d.unreadable() == null) {
                jdbc.sql("""
                        insert into file_document (enterprise_id, submission_id, document_id, annex, sender, received_at,
                          held_because, confirmed_by, confirmed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(p.enterpriseId(), submissionId, documentIds.get(p.seq()), d.annex().name(), sender,
                                Submissions.utc(draft.receivedAt()), p.heldBecause(), p.confirmedBy(), p.confirmedAt())
                        .update();
                touched.add(p.enterpriseId());
            }
        }
        touched.forEach(e -> files.refresh(e, draft.receivedAt()));
    }

    /**
     * Groups the documents by the enterprise they name. The names written on the survey forms
     * anchor the groups; a document of another form whose name is a spelling of one of them joins
     * it, and a proposal joins the one enterprise when the mail names one on each side; a document
     * without a name joins the mail's only enterprise, else the sender's.
     */
    private static Map<String, List<Form>> group(List<Form> forms) {
        List<String> surveyNames = forms.stream().filter(f -> survey(f) && f.name() != null)
                .map(Form::name).distinct().toList();
        List<String> leadNames = forms.stream().filter(f -> !survey(f) && f.name() != null)
                .map(Form::name).distinct().toList();
        List<Form> resolved = new ArrayList<>();
        for (Form f : forms) {
            String name = f.name();
            if (name != null && !surveyNames.contains(name)) {
                String written = name;
                name = surveyNames.stream().filter(s -> OrganizationNames.same(written, s)).findFirst()
                        .orElse(!survey(f) && surveyNames.size() == 1 && leadNames.size() == 1 ? surveyNames.get(0) : name);
            }
            resolved.add(new Form(f.documentId(), f.annex(), name));
        }
        List<String> names = resolved.stream().map(Form::name).filter(n -> n != null).distinct().toList();
        Map<String, List<Form>> groups = new LinkedHashMap<>();
        for (Form f : resolved) {
            String name = f.name() != null ? f.name() : names.size() == 1 ? names.get(0) : null;
            groups.computeIfAbsent(name, n -> new ArrayList<>()).add(f);
        }
        return groups;
    }

    /**
     * Whether a sender may change the file: always while nothing stands in it; afterwards when the
     * sender is the roster contact, or wrote a document that stands or was confirmed, or shares
     * an organisation's own domain with one of them.
     */
    private boolean trusts(long enterprise, List<String> known, String sender) {
        if (known.isEmpty()) {
            return true;
        }
        List<String> trusted = new ArrayList<>(known);
        jdbc.sql("select contact_email from enterprise where id = ? and contact_email is not null").param(enterprise)
                .query(String.class).optional().ifPresent(trusted::add);
        return trusted.stream().anyMatch(t -> Senders.related(t, sender));
    }

    private static boolean survey(Form f) {
        return org.formbox.forms.FieldCatalog.form(f.annex()).map(d -> d.kind().equals("survey")).orElse(false);
    }

    /** The senders of the documents that stand in the file (or stood: a later one of the same sender replaced them). */
    private List<String> knownSenders(long enterprise) {
        return jdbc.sql("""
                select distinct sender from file_document where enterprise_id = ? and held_because is null and sender is not null""")
                .param(enterprise).query(String.class).list();
    }

    private List<EnterpriseFile.Annex> current(long enterprise) {
        EnterpriseFile file = files.standing(enterprise).orElseThrow();
        return new ArrayList<>(file.current().values());
    }

    /**
     * A submission none of whose documents stands in any file any more is superseded by this one.
     * Those marked superseded before stay so and are not looked at again: an enterprise that wrote
     * sixty times had sixty submissions checked (and an update each) at every new mail.
     *
     * @param now the file as it stands with this submission
     */
    private void markSuperseded(long enterprise, long submissionId, EnterpriseFile now) {
        List<Long> earlier = jdbc.sql("""
                select distinct f.submission_id from file_document f join submission s on s.id = f.submission_id
                where f.enterprise_id = ? and f.submission_id <> ? and f.held_because is null and s.superseded_by is null""")
                .params(enterprise, submissionId).query(Long.class).list();
        if (earlier.isEmpty()) {
            return;
        }
        Set<Long> standing = files.standingSubmissions(earlier, List.of(now));
        for (long s : earlier) {
            if (!standing.contains(s)) {
                jdbc.sql("update submission set superseded_by = ? where id = ? and superseded_by is null")
                        .params(submissionId, s).update();
            }
        }
    }

    private static String text(FieldValue v) {
        return v == null || v.text() == null || v.text().isBlank() ? null : v.text().strip();
    }
}
