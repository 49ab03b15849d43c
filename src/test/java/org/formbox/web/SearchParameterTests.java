package org.formbox.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Out-of-range and unreadable search parameters are a 400 that names the parameter, never a 500. */
@StaffWebTest
class SearchParameterTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "page|2147483647|page", "page|-1|page", "size|-1|size", "size|0|size", "size|100000|size",
            "to|+999999999-12-31|to", "from|-999999999-01-01|from", "from|2026-13-01|from", "to|2026-02-30|to",
            "from|yesterday|from", "page|abc|page", "size|1e9|size", "status|DELETED|status", "annex|ANNEX_3|annex",
            "status|ACCEPTED OR 1=1|status"})
    void answersAnOutOfRangeParameterWith400(String name, String value, String parameter) throws Exception {
        mvc.perform(get("/api/submissions").param(name, value).with(staff()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.error").value(containsString(parameter)));
    }

    @Test
    void answersDaysInTheWrongOrderWith400() throws Exception {
        mvc.perform(get("/api/submissions").param("from", "2026-12-02").param("to", "2026-12-01").with(staff()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("晚于")));
    }

    @Test
    void theListPageRefusesAnOutOfRangePageToo() throws Exception {
        mvc.perform(get("/submissions").param("page", "2147483647").with(user("staff").roles("STAFF")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/submissions").param("to", "+999999999-12-31").with(user("staff").roles("STAFF")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void acceptsTheParametersAsDocumented() throws Exception {
        mvc.perform(get("/api/submissions").param("page", "100000").param("size", "500").param("status", "accepted")
                        .param("annex", "ANNEX_2").param("from", "2026-01-01").param("to", "2026-12-31").with(staff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
        mvc.perform(get("/submissions").param("status", "").param("annex", "").with(user("staff").roles("STAFF")))
                .andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor staff() {
        return httpBasic(StaffWebTest.STAFF, StaffWebTest.STAFF_PASSWORD);
    }
}
