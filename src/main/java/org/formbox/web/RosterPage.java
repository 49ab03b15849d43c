package org.formbox.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.formbox.roster.RosterUpload;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.EnterpriseRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The roster page: upload the list of expected enterprises, see it, and link unexpected senders to it. */
@Controller
@Hidden
class RosterPage {

    private final RosterUpload roster;
    private final EnterpriseFiles files;
    private final EnterpriseRegistry registry;

    RosterPage(RosterUpload roster, EnterpriseFiles files, EnterpriseRegistry registry) {
        this.roster = roster;
        this.files = files;
        this.registry = registry;
    }

    @GetMapping("/roster")
    String page(Model model) {
        List<EnterpriseFile> all = files.all();
        model.addAttribute("entries", all.stream().filter(EnterpriseFile::onRoster).toList());
        model.addAttribute("unexpected", all.stream().filter(f -> !f.onRoster()).toList());
        model.addAttribute("links", registry.links());
        return "roster";
    }

    @PostMapping("/roster")
    String upload(@RequestParam("file") MultipartFile file, HttpServletRequest request, RedirectAttributes flash)
            throws IOException {
        Roles.requireCoordinator(request);
        RosterUpload.Result r = roster.upload(file.getOriginalFilename(), file.getBytes());
        if (r.added() + r.updated() == 0) {
            flash.addFlashAttribute("error", "名单未导入。");
        } else {
            flash.addFlashAttribute("message", "已读取 " + r.rows() + " 行：新增 " + r.added() + " 家，更新 " + r.updated()
                    + " 家" + (r.removed() > 0 ? "，" + r.removed() + " 家不在新名单中（其材料保留）" : "") + "。");
        }
        flash.addFlashAttribute("problems", r.problems());
        return "redirect:/roster";
    }
}
