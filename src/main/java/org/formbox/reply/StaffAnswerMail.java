package org.formbox.reply;

import org.formbox.outbox.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formbox.outbox.Outbox;
import org.formbox.outbox.OutboxMail;
import org.formbox.system.CallSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A mail a staff member wrote: their words and the office's signature, threaded to the mail it answers. */
@Component
class StaffAnswerMail implements OutboxMail {

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final MailTransport transport;
    private final CallSettings call;

    StaffAnswerMail(JdbcClient jdbc, MailTemplates templates, MailTransport transport, CallSettings call) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.transport = transport;
        this.call = call;
    }

    @Override
    public Outbox.Kind kind() {
        return Outbox.Kind.STAFF;
    }

    @Override
    public Outbox.Result send(Outbox.Entry entry, Instant at) throws MessagingException, UnsupportedEncodingException {
        record Staff(String text, String subject, String inReplyTo, String refs) {
        }
        Staff staff = jdbc.sql("select staff_text, subject, in_reply_to, thread_refs from outbox where id = ?").param(entry.id())
                .query((rs, n) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        String phone = call.office().phone() == null || call.office().phone().isBlank() ? null : call.office().phone().strip();
        Map<String, Object> mail = new HashMap<>();
        mail.put("text", staff.text());
        mail.put("lines", List.of(staff.text().split("\\R")));
        mail.put("subject", staff.subject());
        mail.put("signature", call.office().displayName());
        mail.put("phone", phone);
        Map<String, Object> vars = Map.of("mail", mail);
        MimeMessage m = transport.newMessage(ReplyMail.messageId(transport, entry), entry.recipient(), staff.subject(), at);
        if (staff.inReplyTo() != null) {
            m.setHeader("In-Reply-To", staff.inReplyTo());
        }
        String refs = staff.refs() != null ? staff.refs() : staff.inReplyTo();
        if (refs != null && !refs.isBlank()) {
            m.setHeader("References", refs);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(MailTransport.alternative(templates.render("staff.txt", vars), templates.render("staff.html", vars)));
        m.setContent(mixed);
        transport.send(m);
        return MailTransport.sent(m, at);
    }
}
