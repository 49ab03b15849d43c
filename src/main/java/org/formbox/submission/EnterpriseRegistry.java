package org.formbox.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.formbox.validation.OrganizationNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprises the service knows: the roster (expected) and those that wrote without being on
 * it (unexpected, never lost). Finds the enterprise a form names: by normalised name or a name
 * staff linked, then a spelling of the sender's own enterprises or of a roster name, then the
 * roster entry whose contact address (or own domain) the mail came from; else a new unexpected one.
 */
@Service
public class EnterpriseRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    public EnterpriseRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Known(long id, String name, String contactEmail, boolean onRoster) {
    }

    /**
     * The enterprise a form names.
     *
     * @param kinds the annexes of the form documents naming it (ANNEX_1, ANNEX_2)
     */
    long forName(String name, String sender, java.util.Set<String> kinds) {
        String key = Submissions.normaliseName(name);
        Optional<Long> found = byKey(key);
        if (found.isPresent()) {
            return found.get();
        }
        List<Known> senders = jdbc.sql("""
                select distinct e.id, e.name, e.contact_email, e.on_roster from enterprise e
                join file_document f on f.enterprise_id = e.id where f.sender = ? and f.held_because is null""")
                .param(sender).query(this::known).list();
        for (Known k : senders) {
            if (OrganizationNames.same(name, k.name())) {
                return k.id();
            }
        }
        List<Known> roster = roster();
        List<Known> spelled = roster.stream().filter(k -> OrganizationNames.same(name, k.name())).toList();
        if (spelled.size() == 1) {
            return spelled.get(0).id();
        }
        if (senders.size() == 1) {
            // the sender's own enterprise sends the other annex under a variant of its name (Annex 1 and
            // Annex 2 often spell it differently); the file's X-NAME-MISMATCH warning shows both names
            long only = senders.get(0).id();
            List<String> has = jdbc.sql("select distinct annex from file_document where enterprise_id = ? and held_because is null")
                    .param(only).query(String.class).list();
            if (has.stream().noneMatch(kinds::contains)) {
                return only;
            }
        }
        return byContact(roster, sender).orElseGet(() -> create(key, name.strip()));
    }

    long forSender(String sender) {
        return jdbc.sql("select enterprise_id from file_document where sender = ? and held_because is null order by id desc")
                .param(sender).query(Long.class).list().stream().findFirst()
                .or(() -> byContact(roster(), sender))
                .orElseGet(() -> {
                    String key = "sender:" + (sender == null ? "" : sender);
                    return byKey(key).orElseGet(() -> create(key, sender == null ? "（未知发件人）" : sender));
                });
    }

    /** The roster entry this address is the contact of, else the one sharing its own domain, when only one does. */
    private Optional<Long> byContact(List<Known> roster, String sender) {
        if (sender == null) {
            return Optional.empty();
        }
        List<Known> same = roster.stream().filter(k -> sender.equals(Senders.normalise(k.contactEmail()))).toList();
        if (same.size() == 1) {
            return Optional.of(same.get(0).id());
        }
        String domain = Senders.ownDomain(sender);
        List<Known> colleagues = domain == null ? List.of()
                : roster.stream().filter(k -> domain.equals(Senders.ownDomain(k.contactEmail()))).toList();
        return colleagues.size() == 1 ? Optional.of(colleagues.get(0).id()) : Optional.empty();
    }

    Optional<Long> byKey(String key) {
        // the enterprise of that name, else the one with that alias: one statement, as most names are new or the enterprise's own
        return jdbc.sql("""
                select id, 0 from enterprise where name_key = ?
                union all select enterprise_id, 1 from enterprise_alias where name_key = ?
                order by 2 fetch first 1 rows only""").params(key, key).query((rs, n) -> rs.getLong(1)).optional();
    }

    private List<Known> roster() {
        return jdbc.sql("select id, name, contact_email, on_roster from enterprise where on_roster = true")
                .query(this::known).list();
    }

    private Known known(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Known(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }

    private long create(String key, String name) {
        try {
            var id = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("insert into enterprise (name_key, name, on_roster, created_at) values (?, ?, false, ?)")
                    .params(truncate(key, 500), truncate(name, 500), now()).update(id, "id");
            return id.getKey().longValue();
        } catch (DuplicateKeyException raced) {
            // made meanwhile by a roster upload: use that one
            return byKey(truncate(key, 500)).orElseThrow();
        }
    }

    /**
     * One row of a roster upload.
     *
     * @param name         the enterprise
     * @param region       its district, or null
     * @param contactName  contact person, or null
     * @param contactEmail contact address, or null
     * @param contactPhone phone, or null
     * @param row          the row number in the uploaded file
     */
    public record RosterEntry(String name, String region, String contactName, String contactEmail, String contactPhone,
                              int row) {
    }

    /** What a roster upload changed. */
    public record RosterResult(int added, int updated, int removed) {
    }

    /**
     * Makes the roster these entries: each is added, or updates the enterprise of the same name
     * (a roster entry, an unexpected one that wrote already, or a name linked by hand); an entry of
     * the previous roster missing now leaves the roster (its file stays).
     */
    @Transactional
    public RosterResult replaceRoster(List<RosterEntry> entries) {
        int added = 0;
        int updated = 0;
        java.util.Set<Long> kept = new java.util.HashSet<>();
        for (RosterEntry e : entries) {
            String key = Submissions.normaliseName(e.name());
            Optional<Long> existing = byKey(key);
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                updated++;
            } else {
                id = create(key, e.name().strip());
                added++;
            }
            jdbc.sql("""
                    update enterprise set name = ?, region = ?, contact_name = ?, contact_email = ?, contact_phone = ?,
                      on_roster = true, roster_row = ? where id = ?""")
                    .params(truncate(e.name().strip(), 500), truncate(e.region(), 100), truncate(e.contactName(), 200),
                            truncate(Senders.normalise(e.contactEmail()), 320), truncate(e.contactPhone(), 100), e.row(), id)
                    .update();
            kept.add(id);
        }
        int removed = 0;
        for (long id : jdbc.sql("select id from enterprise where on_roster = true").query(Long.class).list()) {
            if (!kept.contains(id)) {
                jdbc.sql("update enterprise set on_roster = false, roster_row = null where id = ?").param(id).update();
                removed++;
            }
        }
        return new RosterResult(added, updated, removed);
    }

    /**
     * Links an unexpected enterprise to a roster entry by hand: its documents join the entry's
     * file and its name becomes another spelling of the entry, recorded with who and when.
     *
     * @return false when either is unknown, or the first is on the roster itself
     */
    @Transactional
    public boolean link(long unexpectedId, long rosterId, String user) {
        Optional<String> key = jdbc.sql("select name_key from enterprise where id = ? and on_roster = false")
                .param(unexpectedId).query(String.class).optional();
        boolean target = jdbc.sql("select count(*) from enterprise where id = ? and on_roster = true").param(rosterId)
                .query(Long.class).single() > 0;
        if (key.isEmpty() || !target || unexpectedId == rosterId) {
            return false;
        }
        jdbc.sql("update file_document set enterprise_id = ? where enterprise_id = ?").params(rosterId, unexpectedId).update();
        jdbc.sql("update reminder set enterprise_id = ? where enterprise_id = ?").params(rosterId, unexpectedId).update();
        jdbc.sql("update enterprise_alias set enterprise_id = ? where enterprise_id = ?").params(rosterId, unexpectedId).update();
        jdbc.sql("delete from enterprise where id = ?").param(unexpectedId).update();
        jdbc.sql("insert into enterprise_alias (name_key, enterprise_id, linked_by, linked_at) values (?, ?, ?, ?)")
                .params(key.get(), rosterId, user, now()).update();
        return true;
    }

    /**
     * A name linked by hand.
     *
     * @param nameKey      the normalised spelling
     * @param enterpriseId the roster entry it belongs to
     * @param linkedBy     who linked it
     * @param linkedAt     when
     */
    public record Link(String nameKey, long enterpriseId, String linkedBy, Instant linkedAt) {
    }

    /** Every manual link, newest first. */
    public List<Link> links() {
        return jdbc.sql("select name_key, enterprise_id, linked_by, linked_at from enterprise_alias order by linked_at desc, id desc")
                .query((rs, n) -> new Link(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant())).list();
    }

    private java.time.OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
