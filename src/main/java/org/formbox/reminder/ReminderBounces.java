package org.formbox.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.intake.RawArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the bounces of reminders among the automatic mail the intake stored (status
 * {@code IGNORED}): a delivery report quotes the reminder's Message-ID, which carries
 * {@link #TOKEN}. The failed recipients (the report's {@code Final-Recipient}, else every recipient
 * of that reminder) are never reminded again, and the enterprise's roster entry is marked for staff.
 */
@Component("reminderBounces")
public class ReminderBounces {

    private static final Logger log = LoggerFactory.getLogger(ReminderBounces.class);

    /** The start of every reminder's Message-ID local part. */
    static final String TOKEN = "formbox-reminder-";
    private static final Pattern MESSAGE_ID = Pattern.compile(Pattern.quote(TOKEN) + "[0-9a-fA-F-]{36}@[A-Za-z0-9.-]+");
    private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^(?:Final|Original)-Recipient:\\s*rfc822;\\s*<?([^>\\s]+@[^>\\s]+)>?");

    private final JdbcClient jdbc;
    private final RawArchive archive;
    private final Clock clock;

    ReminderBounces(JdbcClient jdbc, RawArchive archive, Clock clock) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.clock = clock;
    }

    /** Looks at the automatic mail stored since the last scan; returns how many addresses were marked. */
    @Transactional
    public int scan() {
        long last = jdbc.sql("select last_id from reminder_scan where name = 'bounces'").query(Long.class).optional().orElse(0L);
        List<Object[]> mails = jdbc.sql("""
                select id, archive_path from submission where id > ? and status = 'IGNORED' order by id limit 500""")
                .param(last).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        long upTo = jdbc.sql("select coalesce(max(id), 0) from submission").query(Long.class).single();
        int marked = 0;
        for (Object[] m : mails) {
            marked += bounce((Long) m[0], (String) m[1]);
        }
        if (!mails.isEmpty() && mails.size() == 500) {
            upTo = (Long) mails.get(mails.size() - 1)[0];
        }
        if (jdbc.sql("update reminder_scan set last_id = ? where name = 'bounces'").param(upTo).update() == 0) {
            jdbc.sql("insert into reminder_scan (name, last_id) values ('bounces', ?)").param(upTo).update();
        }
        return marked;
    }

    private int bounce(long submissionId, String archivePath) {
        String raw;
        try {
            raw = new String(archive.read(archivePath), StandardCharsets.ISO_8859_1);
        } catch (Exception e) {
            log.warn("Submission {}: archived message unreadable for the bounce scan: {}", submissionId, e.toString());
            return 0;
        }
        Matcher id = MESSAGE_ID.matcher(raw);
        if (!id.find()) {
            return 0;
        }
        String messageId = "<" + id.group() + ">";
        List<Object[]> sent = jdbc.sql("select id, enterprise_id, recipient from reminder where message_id = ?").param(messageId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).list();
        if (sent.isEmpty()) {
            return 0;
        }
        Set<String> failed = new LinkedHashSet<>();
        Matcher r = FINAL_RECIPIENT.matcher(raw);
        while (r.find()) {
            failed.add(r.group(1).toLowerCase(Locale.ROOT));
        }
        int marked = 0;
        for (Object[] s : sent) {
            String recipient = (String) s[2];
            if (!failed.isEmpty() && !failed.contains(recipient)) {
                continue;
            }
            var now = clock.instant().atOffset(ZoneOffset.UTC);
            if (jdbc.sql("select count(*) from bounced_address where address = ?").param(recipient).query(Long.class).single() == 0) {
                jdbc.sql("insert into bounced_address (address, bounced_at, submission_id, reminder_id) values (?, ?, ?, ?)")
                        .params(recipient, now, submissionId, s[0]).update();
            }
            jdbc.sql("update reminder set state = 'BOUNCED' where id = ?").param(s[0]).update();
            jdbc.sql("update enterprise set bounced_at = ?, bounced_address = ? where id = ?").params(now, recipient, s[1]).update();
            log.info("Reminder to {} bounced (submission {}): the address is not written to again", recipient, submissionId);
            marked++;
        }
        return marked;
    }
}
