package org.formbox.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff login form (Spring Security handles the POST). */
@Controller
@Hidden
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
