package org.formbox.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;

/**
 * One enterprise's file (档案): its roster entry, its current document of each form of the call (each
 * the latest readable document of its kind, from whichever mail), the findings standing on them,
 * the documents waiting for staff to confirm, and its state.
 *
 * @param id            the enterprise
 * @param name          its name (the roster's, else as first written)
 * @param region        the roster's district, else the current forms' region (the definition's role region)
 * @param programme     the current forms' programme (role programme)
 * @param contactName   roster contact, else the current forms' contact name (role contact-name)
 * @param contactEmail  roster contact address, else the current forms' contact address (role contact-email)
 * @param contactPhone  roster phone, else the current forms' contact phone (role contact-phone)
 * @param onRoster      expected (on the uploaded roster) rather than unexpected
 * @param current       the current document of each form present, by annex (ANNEX_1 …), in annex order
 * @param findings      findings standing on the current documents (overridden ones left out)
 * @param held          documents kept but waiting for staff to confirm them (another sender)
 * @param versions      every document ever attributed to the file, oldest first
 * @param state         the state
 * @param late          completed after the deadline, or still not complete once it passed
 * @param completedAt   when the file first became {@code ACCEPTED}, or null
 * @param lastReminderAt the last reminder sent, or null
 * @param lastSender    the address the enterprise last wrote from (a trusted sender), or null
 * @param bouncedAddress an address of the enterprise a reminder bounced from, or null
 */
public record EnterpriseFile(long id, String name, String region, String programme, String contactName,
                             String contactEmail, String contactPhone, boolean onRoster, Map<String, Annex> current,
                             List<Finding> findings, List<Annex> held, List<Annex> versions, EnterpriseState state,
                             boolean late, Instant completedAt, Instant lastReminderAt, String lastSender,
                             String bouncedAddress) {

    public EnterpriseFile {
        current = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(current));
    }

    /** The current document of the form stored as this annex (ANNEX_1 …), or null. */
    public Annex current(String annex) {
        return current.get(annex);
    }

    /** The forms of the call of which no readable document is current, in annex order. */
    public List<org.formbox.forms.FormDef> missing() {
        return org.formbox.forms.FieldCatalog.forms().stream().filter(f -> !current.containsKey(f.annex().name())).toList();
    }

    /**
     * One document of the file.
     *
     * @param documentId   the document
     * @param submissionId the submission (mail) it came in
     * @param kind         the annex of its form (ANNEX_1 …)
     * @param sender       who sent it
     * @param receivedAt   when
     * @param filename     its name
     * @param fields       the values read from it
     * @param heldBecause  why it waits for staff, or null when it is part of the file
     * @param confirmedBy  the coordinator who confirmed a held document, or null
     */
    public record Annex(long documentId, long submissionId, String kind, String sender, Instant receivedAt,
                        String filename, Map<String, Object> fields, String heldBecause, String confirmedBy) {
    }

    /**
     * What needs someone's action first: held documents (staff), then by state (需更正, 缺件, 未提交,
     * 已交齐), late before on time, then by name.
     */
    public static final java.util.Comparator<EnterpriseFile> ACTION_FIRST = java.util.Comparator
            .comparing((EnterpriseFile f) -> f.held().isEmpty())
            .thenComparingInt(f -> f.state().actionOrder())
            .thenComparing(f -> !f.late())
            .thenComparing(EnterpriseFile::name);

    /** Error findings standing. */
    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.error).count();
    }

    /** Warning findings standing. */
    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.warning).count();
    }

    /** The one rule of the states (docs/API.md): the first that applies, the forms in annex order. */
    static EnterpriseState stateOf(Map<String, Annex> current, List<Finding> findings) {
        if (current.isEmpty()) {
            return EnterpriseState.NOT_SUBMITTED;
        }
        for (org.formbox.forms.FormDef form : org.formbox.forms.FieldCatalog.forms()) {
            if (!current.containsKey(form.annex().name())) {
                return EnterpriseState.missing(form);
            }
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.error)
                ? EnterpriseState.NEEDS_CORRECTION : EnterpriseState.ACCEPTED;
    }
}
