package org.formbox.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.formbox.roster.RosterReader.Column;
import org.junit.jupiter.api.Test;

class RosterReaderTests {

    @Test
    void recognisesTheHeadersOfficesWrite() {
        assertThat(RosterReader.header(List.of("序号", "单位名称", "县（市、区）", "联系人", "联系邮箱", "手机")))
                .containsEntry(Column.NAME, 1).containsEntry(Column.REGION, 2).containsEntry(Column.CONTACT, 3)
                .containsEntry(Column.EMAIL, 4).containsEntry(Column.PHONE, 5);
        assertThat(RosterReader.header(List.of("企业名称 *", "所属地区", "联系人姓名", "邮箱", "联系电话")))
                .containsEntry(Column.NAME, 0).containsEntry(Column.REGION, 1).containsEntry(Column.CONTACT, 2)
                .containsEntry(Column.EMAIL, 3).containsEntry(Column.PHONE, 4);
        assertThat(RosterReader.header(List.of("公司名称", "区县", "负责人", "E-mail", "联系方式")))
                .containsEntry(Column.NAME, 0).containsEntry(Column.REGION, 1).containsEntry(Column.CONTACT, 2)
                .containsEntry(Column.EMAIL, 3).containsEntry(Column.PHONE, 4);
        assertThat(RosterReader.header(List.of("申报单位", "所在区（县、市）", "电子邮件"))).containsEntry(Column.NAME, 0)
                .containsEntry(Column.REGION, 1).containsEntry(Column.EMAIL, 2);
    }

    @Test
    void readsTheWorkbookLibreOfficeMadeUnderItsTitleRow() throws Exception {
        RosterReader.Read read = RosterReader.read("roster-40.xlsx",
                Files.readAllBytes(Path.of("src/test/resources/enterprise/roster-40.xlsx")));
        assertThat(read.problem()).isNull();
        assertThat(read.columns()).containsExactlyInAnyOrder(Column.values());
        RosterReader.Line first = read.lines().get(0);
        assertThat(first.row()).isEqualTo(3);
        assertThat(first.get(Column.NAME)).isEqualTo("宁波华星化工新材料有限公司");
        assertThat(first.get(Column.REGION)).isEqualTo("镇海区");
        assertThat(first.get(Column.PHONE)).isEqualTo("13857436218");
    }

    @Test
    void readsGbkAndUtf8CsvAlike() {
        String csv = "企业名称,邮箱\n\"宁波某某有限公司，二厂\",a@b.cn\n";
        RosterReader.Read gbk = RosterReader.read("x.csv", csv.getBytes(Charset.forName("GBK")));
        RosterReader.Read utf8 = RosterReader.read("x.csv", ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
        assertThat(gbk.lines().get(0).get(Column.NAME)).isEqualTo("宁波某某有限公司，二厂");
        assertThat(utf8.lines().get(0).cells()).isEqualTo(gbk.lines().get(0).cells());
    }

    @Test
    void saysWhenNoHeaderIsThere() {
        assertThat(RosterReader.read("x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).problem()).contains("表头");
    }
}
