package org.formbox.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.formbox.export.EnterpriseExport;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FormDef;
import org.formbox.reminder.Reminders;
import org.formbox.submission.EnterpriseCounts;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.EnterpriseRegistry;
import org.formbox.submission.EnterpriseState;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The board (进度): one row per enterprise, roster and unexpected, what needs action first, with
 * filters and an export of what is shown; and each enterprise's file page.
 */
@Controller
@Hidden
class BoardPage {

    private final EnterpriseFiles files;
    private final EnterpriseRegistry registry;
    private final Reminders reminders;
    private final java.time.ZoneId zone;
    private final org.formbox.submission.Conversations conversations;

    BoardPage(EnterpriseFiles files, EnterpriseRegistry registry, Reminders reminders, org.formbox.system.CallSettings call,
              org.formbox.submission.Conversations conversations) {
        this.zone = call.timeZone();
        this.conversations = conversations;
        this.files = files;
        this.registry = registry;
        this.reminders = reminders;
    }

    @PostMapping("/reminders")
    String remind(@RequestParam(required = false) List<Long> enterprise, Authentication user, HttpServletRequest request,
                  RedirectAttributes flash) {
        Roles.requireCoordinator(request);
        Reminders.Outcome outcome = reminders.send(enterprise == null || enterprise.isEmpty() ? null : enterprise, user.getName());
        flash.addFlashAttribute("message", "已发送催报 " + outcome.sent() + " 封" + (outcome.skipped().isEmpty() ? "。"
                : "；未发送 " + outcome.skipped().size() + " 家：" + String.join("；", outcome.skipped().stream()
                        .limit(10).map(s -> s.name() + "（" + s.reason() + "）").toList()) + (outcome.skipped().size() > 10 ? "……" : "。")));
        return enterprise != null && enterprise.size() == 1 ? "redirect:/enterprises/" + enterprise.get(0) : "redirect:/board";
    }

    @GetMapping("/board")
    String board(@RequestParam(required = false) String state, @RequestParam(required = false) String region,
                 @RequestParam(required = false) String programme, Model model) {
        List<EnterpriseFile> all = files.all();
        BoardFilter filter = BoardFilter.of(state, region, programme);
        model.addAttribute("counts", EnterpriseCounts.of(all));
        model.addAttribute("rows", filter.apply(all));
        model.addAttribute("forms", FieldCatalog.forms());
        model.addAttribute("waiting", conversations.queue());
        model.addAttribute("q", filter);
        model.addAttribute("lastReplies", files.lastReplies());
        model.addAttribute("states", states());
        model.addAttribute("regions", distinct(all.stream().map(EnterpriseFile::region).toList()));
        model.addAttribute("programmes", distinct(all.stream().map(EnterpriseFile::programme).toList()));
        return "board";
    }

    @GetMapping("/board.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String state, @RequestParam(required = false) String region,
                                  @RequestParam(required = false) String programme) {
        List<EnterpriseFile> rows = BoardFilter.of(state, region, programme).apply(files.all());
        byte[] csv = EnterpriseExport.boardCsv(rows, files.lastReplies(), zone).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("formbox-board-" + LocalDate.now() + ".csv").build().toString())
                .header("X-Content-Type-Options", "nosniff").body(csv);
    }

    @GetMapping("/enterprises/{id}")
    String file(@PathVariable long id, Model model) {
        EnterpriseFile file = files.file(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("f", file);
        model.addAttribute("forms", FieldCatalog.forms());
        model.addAttribute("current", FieldCatalog.forms().stream().map(form -> file.current(form.annex().name())).toList());
        model.addAttribute("letters", files.correspondence(id));
        model.addAttribute("rosterEntries", file.onRoster() ? List.of()
                : files.all().stream().filter(EnterpriseFile::onRoster).toList());
        return "enterprise-file";
    }

    @PostMapping("/enterprises/{id}/documents/{documentId}/confirm")
    String confirm(@PathVariable long id, @PathVariable long documentId, Authentication user, HttpServletRequest request,
                   RedirectAttributes flash) {
        Roles.requireCoordinator(request);
        if (files.confirm(id, documentId, user.getName())) {
            flash.addFlashAttribute("message", "已确认，该材料已纳入企业档案。");
        } else {
            flash.addFlashAttribute("error", "没有待确认的该份材料。");
        }
        return "redirect:/enterprises/" + id;
    }

    @PostMapping("/enterprises/{id}/link")
    String link(@PathVariable long id, @RequestParam long rosterId, Authentication user, HttpServletRequest request,
                RedirectAttributes flash) {
        Roles.requireCoordinator(request);
        if (registry.link(id, rosterId, user.getName())) {
            flash.addFlashAttribute("message", "已关联到名单中的企业，今后同名来件将自动归入。");
            return "redirect:/enterprises/" + rosterId;
        }
        flash.addFlashAttribute("error", "无法关联：请选择名单中的企业。");
        return "redirect:/enterprises/" + id;
    }

    static Map<String, String> states() {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (EnterpriseState s : EnterpriseState.values()) {
            states.put(s.name(), s.label());
        }
        states.put("MISSING", "缺件（缺" + String.join("或", FieldCatalog.forms().stream().map(FormDef::shortName).toList()) + "）");
        states.put("LATE", "逾期");
        states.put("HELD", "有待确认的材料");
        return states;
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new TreeSet<>(values.stream().filter(v -> v != null && !v.isBlank()).toList()));
    }
}
