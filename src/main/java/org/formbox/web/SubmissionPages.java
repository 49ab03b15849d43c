package org.formbox.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.submission.Conversations;
import org.formbox.submission.EnterpriseHistory;
import org.formbox.submission.FindingOverrides;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.SubmissionView.Detail;
import org.formbox.submission.SubmissionView.Document;
import org.formbox.export.Labels;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The submissions list with its search, and the page of one submission with overrides. */
@Controller
@Hidden
class SubmissionPages {

    static final int PAGE_SIZE = 20;

    private final SubmissionSearch search;
    private final FindingOverrides overrides;
    private final EnterpriseHistory history;
    private final Conversations conversations;

    SubmissionPages(SubmissionSearch search, FindingOverrides overrides, EnterpriseHistory history,
                    Conversations conversations) {
        this.search = search;
        this.overrides = overrides;
        this.history = history;
        this.conversations = conversations;
    }

    @GetMapping("/submissions")
    String list(@RequestParam(required = false) String enterprise, @RequestParam(required = false) String sender,
                @RequestParam(required = false) String status, @RequestParam(required = false) String annex,
                @RequestParam(required = false) String region, @RequestParam(required = false) String programme,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        var criteria = SearchParameters.criteria(sender, enterprise, status, annex, region, programme, from, to);
        var result = search.find(criteria, SearchParameters.page(page), PAGE_SIZE);
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("q", criteria);
        model.addAttribute("result", result);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("prevUrl", page > 0 ? pageUrl(criteria, page - 1) : null);
        model.addAttribute("nextUrl", page + 1 < pages ? pageUrl(criteria, page + 1) : null);
        model.addAttribute("statuses", options(SubmissionStatus.values()));
        model.addAttribute("annexes", annexOptions());
        model.addAttribute("regions", FieldCatalog.regions());
        model.addAttribute("programmes", FieldCatalog.programmes());
        return "submissions";
    }

    @GetMapping("/submissions/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail d = search.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<Document, List<DocumentRows.Row>> tables = new LinkedHashMap<>();
        for (Document doc : d.documents()) {
            tables.put(doc, DocumentRows.read(doc) ? DocumentRows.of(doc, d.findings()) : List.of());
        }
        model.addAttribute("s", d);
        model.addAttribute("tables", tables);
        model.addAttribute("enterpriseKey", history.enterpriseKey(id).orElse(null));
        model.addAttribute("sentMails", conversations.sentFor(id));
        model.addAttribute("answered", conversations.answered(id).orElse(null));
        model.addAttribute("overrideEvents", overrides.events(id));
        return "submission";
    }

    @PostMapping("/submissions/{id}/findings/{findingId}/override")
    String override(@PathVariable long id, @PathVariable long findingId, @RequestParam(required = false) String note,
                    Authentication user, HttpServletRequest request, RedirectAttributes flash) {
        Roles.requireCoordinator(request);
        if (note == null || note.isBlank()) {
            flash.addFlashAttribute("error", "撤销问题时必须填写说明。");
            return "redirect:/submissions/" + id;
        }
        var outcome = overrides.override(id, findingId, user.getName(), note, Instant.now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        flash.addFlashAttribute("message", outcome.changed()
                ? "已撤销该问题，提交状态：" + Labels.status(outcome.status().name()) + "。"
                : "该问题此前已被撤销。");
        return "redirect:/submissions/" + id;
    }

    @PostMapping("/submissions/{id}/findings/{findingId}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long findingId, Authentication user, HttpServletRequest request,
                    RedirectAttributes flash) {
        Roles.requireCoordinator(request);
        var outcome = overrides.withdraw(id, findingId, user.getName(), Instant.now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        flash.addFlashAttribute("message", outcome.changed()
                ? "已恢复该问题，提交状态：" + Labels.status(outcome.status().name()) + "。"
                : "该问题没有被撤销，无需恢复。");
        return "redirect:/submissions/" + id;
    }

    private static Map<String, String> options(SubmissionStatus[] statuses) {
        Map<String, String> options = new LinkedHashMap<>();
        for (SubmissionStatus s : statuses) {
            options.put(s.name(), Labels.status(s.name()));
        }
        return options;
    }

    private static Map<String, String> annexOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (Annex a : Annex.values()) {
            options.put(a.name(), a.label());
        }
        return options;
    }

    private static String pageUrl(SubmissionSearch.Criteria c, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/submissions");
        add(b, "enterprise", c.enterprise());
        add(b, "sender", c.sender());
        add(b, "status", c.status());
        add(b, "annex", c.annex());
        add(b, "region", c.region());
        add(b, "programme", c.programme());
        add(b, "from", c.from());
        add(b, "to", c.to());
        return b.queryParam("page", page).encode().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value);
        }
    }
}
