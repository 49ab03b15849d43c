package org.formbox.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import org.formbox.reply.ReplySubjects;
import org.formbox.submission.Conversations;
import org.formbox.submission.EnterpriseHistory;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView.Detail;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Staff writing to the people who write in: an answer to a received mail, "answered" without
 * writing, and a mail to an enterprise from its page. Every mail goes through the outbox.
 */
@Controller
@Hidden
class ConversationPages {

    static final int MAX_TEXT = 20000;

    private final Conversations conversations;
    private final SubmissionSearch search;
    private final EnterpriseHistory history;
    private final Clock clock;

    ConversationPages(Conversations conversations, SubmissionSearch search, EnterpriseHistory history, Clock clock) {
        this.conversations = conversations;
        this.search = search;
        this.history = history;
        this.clock = clock;
    }

    @PostMapping("/submissions/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String text, Authentication user,
                  RedirectAttributes flash) {
        Detail d = search.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String to = conversations.replyAddress(id).orElse(d.sender());
        if (blank(text) || to == null) {
            flash.addFlashAttribute("error", to == null ? "这封来信没有可以回复的地址。" : "请先填写答复内容。");
            return "redirect:/submissions/" + id;
        }
        conversations.queue(new Conversations.StaffMail(to, ReplySubjects.answer(d.subject()), limit(text), user.getName(),
                id, null), clock.instant());
        flash.addFlashAttribute("message", "答复已放入发件队列，将从收表邮箱发给 " + to + "。");
        return "redirect:/submissions/" + id;
    }

    @PostMapping("/submissions/{id}/answered")
    String markAnswered(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        search.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        flash.addFlashAttribute("message", conversations.markAnswered(id, user.getName(), clock.instant())
                ? "已标记为已答复。" : "这封来信此前已标记为已答复。");
        return "redirect:/submissions/" + id;
    }

    @PostMapping("/enterprise/write")
    String write(@RequestParam String key, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String subject, @RequestParam(required = false) String text,
                 Authentication user, RedirectAttributes flash) {
        if (history.versions(key).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String back = UriComponentsBuilder.fromPath("/enterprise").queryParam("key", key).encode().toUriString();
        if (blank(text) || blank(to) || !to.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            flash.addFlashAttribute("error", blank(text) ? "请先填写邮件内容。" : "请填写正确的收件地址。");
            return "redirect:" + back;
        }
        String clean = ReplySubjects.clean(subject);
        conversations.queue(new Conversations.StaffMail(to.strip(),
                clean.isEmpty() ? "关于贵单位“" + org.formbox.forms.FieldCatalog.definition().shortName() + "”申报材料" : clean, limit(text), user.getName(), null, key),
                clock.instant());
        flash.addFlashAttribute("message", "邮件已放入发件队列，将从收表邮箱发给 " + to.strip() + "。");
        return "redirect:" + back;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String limit(String text) {
        String t = text.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }
}
