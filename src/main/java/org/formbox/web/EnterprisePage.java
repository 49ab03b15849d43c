package org.formbox.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.formbox.submission.Conversations;
import org.formbox.submission.EnterpriseHistory;
import org.formbox.submission.SubmissionView.Detail;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** An enterprise: every version of its submission and what changed between them. */
@Controller
@Hidden
class EnterprisePage {

    private final EnterpriseHistory history;
    private final Conversations conversations;

    EnterprisePage(EnterpriseHistory history, Conversations conversations) {
        this.history = history;
        this.conversations = conversations;
    }

    @GetMapping("/enterprise")
    String enterprise(@RequestParam String key, Model model) {
        List<Detail> versions = history.versions(key);
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("latest", versions.get(versions.size() - 1));
        List<Detail> newestFirst = new ArrayList<>(versions);
        Collections.reverse(newestFirst);
        model.addAttribute("versions", newestFirst);
        model.addAttribute("changes", VersionChanges.between(versions));
        model.addAttribute("key", key);
        model.addAttribute("letters", conversations.correspondence(key));
        model.addAttribute("address", conversations.addressOf(key).orElse(""));
        return "enterprise";
    }
}
