package org.formbox.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.mail.MessagingException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.formbox.export.Labels;
import org.formbox.reply.CoordinatorDigest;
import org.formbox.submission.EnterpriseCounts;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.Conversations;
import org.formbox.submission.SubmissionStatistics;
import org.formbox.system.CallSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The dashboard: counts by status, region, programme and day, and the digest on request. */
@Controller
@Hidden
class DashboardPage {

    private static final Logger log = LoggerFactory.getLogger(DashboardPage.class);
    private static final int DAYS = 14;

    private final SubmissionStatistics statistics;
    private final CoordinatorDigest digest;
    private final EnterpriseFiles files;
    private final Conversations conversations;
    private final ZoneId zone;

    DashboardPage(SubmissionStatistics statistics, CoordinatorDigest digest, EnterpriseFiles files,
                  Conversations conversations, CallSettings call) {
        this.statistics = statistics;
        this.digest = digest;
        this.files = files;
        this.conversations = conversations;
        this.zone = call.timeZone();
    }

    @GetMapping("/")
    String dashboard(Model model) {
        var counts = statistics.counts(DAYS, zone);
        model.addAttribute("counts", counts);
        // the collection's figures lead, each from the files' states, each opening the board filtered
        List<EnterpriseFile> all = files.all();
        model.addAttribute("files", EnterpriseCounts.of(all));
        model.addAttribute("boardLinks", BOARD_LINKS);
        model.addAttribute("waiting", conversations.queue());
        model.addAttribute("charts", List.of(
                BarChart.of("按状态", counts.byStatus(), Labels::status, s -> search("status", s)),
                BarChart.of("按地区（各企业档案）", byValue(all, EnterpriseFile::region), r -> r, r -> board("region", r)),
                BarChart.of("按专项（各企业档案）", byValue(all, EnterpriseFile::programme), p -> p, p -> board("programme", p)),
                BarChart.of("最近 " + DAYS + " 天每日收到", counts.perDay(), LocalDate::toString,
                        d -> UriComponentsBuilder.fromPath("/submissions").queryParam("from", d).queryParam("to", d)
                                .encode().toUriString())));
        return "dashboard";
    }

    @PostMapping("/digest")
    String sendDigest(Authentication user, HttpServletRequest request, RedirectAttributes flash) {
        Roles.requireCoordinator(request);
        try {
            var sent = digest.send(user.getName());
            flash.addFlashAttribute("message", "汇总邮件将在几秒内发至 " + sent.recipient() + "（新收 " + sent.newCount() + " 份）。");
        } catch (MessagingException | RuntimeException e) {
            log.warn("Digest on request failed", e);
            flash.addFlashAttribute("error", "汇总邮件未能加入发送队列：" + e.getMessage());
        }
        return "redirect:/";
    }

    /** Where each headline figure leads on the board. */
    private static final java.util.Map<String, String> BOARD_LINKS = java.util.Map.of("应交", "/board", "已交齐",
            "/board?state=ACCEPTED", "缺件", "/board?state=MISSING", "需更正", "/board?state=NEEDS_CORRECTION", "未提交",
            "/board?state=NOT_SUBMITTED", "逾期", "/board?state=LATE", "名单外", "/board");

    /** Files per value (district, programme), most first; files without one are left out. */
    private static java.util.Map<String, Long> byValue(List<EnterpriseFile> all, java.util.function.Function<EnterpriseFile, String> key) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        all.stream().map(key).filter(v -> v != null && !v.isBlank()).forEach(v -> counts.merge(v, 1L, Long::sum));
        java.util.Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String board(String name, String value) {
        return UriComponentsBuilder.fromPath("/board").queryParam(name, value).encode().toUriString();
    }

    private static String search(String name, String value) {
        return UriComponentsBuilder.fromPath("/submissions").queryParam(name, value).encode().toUriString();
    }
}
