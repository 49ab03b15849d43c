package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class FileLinksTests {

    /** QQ Mail's large-attachment block: the file's icon, its name and a download button, all one link. */
    static final String QQ_LARGE_ATTACHMENT = """
            <div>您好，附件1见附件，附件2太大，用超大附件发送。</div>
            <div style="padding:2px 0 2px 0;"><div style="font:12px Verdana;">从QQ邮箱发来的超大附件</div>
            <div style="padding:10px;"><div><a href="https://wx.mail.qq.com/ftn/download?func=3&amp;k=a1b2c3d4e5f6&amp;key=9f8e7d6c&amp;code=77aa">\
            <img src="https://rescdn.qqmail.com/zh_CN/htmledition/images/xdisk/ico_mid/fu_xls.gif" border="0"/></a></div>
            <div><div><a style="color:#000" href="https://wx.mail.qq.com/ftn/download?func=3&amp;k=a1b2c3d4e5f6&amp;key=9f8e7d6c&amp;code=77aa">\
            附件2-宁波测试有限公司基本情况调查表.xlsx</a></div><div style="color:#a0a0a0;">(23.61M, 2026年12月31日 10:30 到期)</div>
            <div><a href="https://wx.mail.qq.com/ftn/download?func=3&amp;k=a1b2c3d4e5f6&amp;key=9f8e7d6c&amp;code=77aa">进入下载页面</a></div></div></div></div>
            <div>--<br/>宁波测试有限公司 王芳<br/><a href="http://www.nbtest-co.cn">www.nbtest-co.cn</a></div>
            """;

    @Test
    void aLargeAttachmentIsOneFileNamedAsTheMailNamesIt() {
        assertThat(FileLinks.in(QQ_LARGE_ATTACHMENT, null)).extracting(FileLinks.Link::name)
                .containsExactly("附件2-宁波测试有限公司基本情况调查表.xlsx");
        assertThat(FileLinks.in(QQ_LARGE_ATTACHMENT, null).get(0).url())
                .isEqualTo("https://wx.mail.qq.com/ftn/download?func=3&k=a1b2c3d4e5f6&key=9f8e7d6c&code=77aa");
    }

    @Test
    void netdiskSharesInPlainTextAreFoundWithOrWithoutTheFileName() {
        String text = """
                王老师您好：
                附件1 项目实施方案.docx 已上传百度网盘：
                链接: https://pan.baidu.com/s/1AbCdEfGh-IjK 提取码: x7k2
                附件2 也在网盘 https://www.alipan.com/s/QwErTy12345
                """;
        assertThat(FileLinks.in(null, text)).extracting(FileLinks.Link::name, FileLinks.Link::url).containsExactly(
                tuple("项目实施方案.docx", "https://pan.baidu.com/s/1AbCdEfGh-IjK"),
                tuple("链接2（www.alipan.com）", "https://www.alipan.com/s/QwErTy12345"));
    }

    @Test
    void onlineDocumentsAndNeteaseCloudAttachmentsAreLinks() {
        String html = "<p>调查表填在腾讯文档：<a href=\"https://docs.qq.com/sheet/DVWx0YnBvRUpk\">企业基本情况调查表</a></p>"
                + "<p>从网易163邮箱发来的云附件</p><p><a href=\"https://mail.163.com/large-attachment-download/index.html?p=X1&amp;file=Y2\">"
                + "附件1实施方案.pdf</a> (45.2M, 2026年12月20日 到期)</p>";
        assertThat(FileLinks.in(html, null)).extracting(FileLinks.Link::name)
                .containsExactly("链接1（docs.qq.com）", "附件1实施方案.pdf");
    }

    @Test
    void aServiceNotListedIsKnownByTheWordsAroundItsLink() {
        assertThat(FileLinks.in(null, "附件太大，放在公司云盘了：https://files.nbtest-co.cn/share/abc123 访问码 5521"))
                .extracting(FileLinks.Link::url).containsExactly("https://files.nbtest-co.cn/share/abc123");
    }

    @Test
    void ordinaryLinksAreNotFiles() {
        String html = "<p>详见通知 <a href=\"https://kjj.ningbo.gov.cn/art/2026/11/20/art_1229_4.html\">宁波市科技局</a>，"
                + "我公司网站 <a href=\"https://www.nbtest-co.cn\">www.nbtest-co.cn</a>，"
                + "<a href=\"https://mail.qq.com/cgi-bin/readmail?mailid=ZC0001\">查看原邮件</a></p>"
                + "<img src=\"cid:logo001\"><a href=\"mailto:wangfang@nbtest-co.cn\">王芳</a>";
        assertThat(FileLinks.in(html, "详见通知 https://kjj.ningbo.gov.cn/art/2026/11/20/art_1229_4.html")).isEmpty();
        assertThat(FileLinks.in(null, null)).isEmpty();
        assertThat(FileLinks.in("", "  ")).isEmpty();
    }

    @Test
    void aHugeBodyOfUnclosedAnchorsIsReadInTimeAndGivesAtMostTheLimit() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            html.append("<a href=\"https://pan.baidu.com/s/").append(i).append("\">");
        }
        for (int i = 0; i < 100; i++) {
            html.append("<a href=\"https://pan.baidu.com/s/x").append(i).append("\">f").append(i).append("</a> ");
        }
        assertThat(FileLinks.in(html.toString(), null)).hasSizeLessThanOrEqualTo(FileLinks.MAX_LINKS);
    }
}
