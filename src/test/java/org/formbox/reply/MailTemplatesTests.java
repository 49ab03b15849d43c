package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail templates as an operator changes them in the working folder, without a restart. */
class MailTemplatesTests {

    @TempDir
    Path dir;

    @Test
    void anOperatorsTemplateWinsOverTheShippedOneAndAnEditTakesEffectWithoutARestart() throws Exception {
        MailTemplates templates = new MailTemplates(dir.toString());
        String shipped = templates.render("reminder.txt", Map.of("r", sampleReminder()));
        assertThat(shipped).contains("宁波测试有限公司");

        Files.writeString(dir.resolve("reminder.txt"), "[(${r.enterprise})]：请于截止前报送。", StandardCharsets.UTF_8);
        await().atMost(Duration.ofMillis(MailTemplates.KEPT_MS + 5_000)).pollInterval(Duration.ofMillis(500))
                .until(() -> templates.render("reminder.txt", Map.of("r", sampleReminder())).equals("宁波测试有限公司：请于截止前报送。"));

        Files.writeString(dir.resolve("reminder.txt"), "[(${r.enterprise})]：已改。", StandardCharsets.UTF_8);
        await().atMost(Duration.ofMillis(MailTemplates.KEPT_MS + 5_000)).pollInterval(Duration.ofMillis(500))
                .until(() -> templates.render("reminder.txt", Map.of("r", sampleReminder())).equals("宁波测试有限公司：已改。"));
    }

    private static Object sampleReminder() {
        return new org.formbox.reminder.ReminderContent("宁波测试有限公司", "您好：", "尚缺附件2", java.util.List.of("附件2"),
                java.util.List.of(), java.util.List.of(), "2026年12月20日 17:00", "forms@formbox.test", "申报办公室", null, null);
    }
}
