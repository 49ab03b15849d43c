package org.formbox.intake;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files sent as links instead of attachments: a mail service's large attachment (QQ 邮箱的超大附件,
 * 网易邮箱的云附件, which the web mail puts in the body as a download link when a file is over its
 * limit), a netdisk share (百度网盘, 阿里云盘, 微云 …) or an online document (腾讯文档, 金山文档 …).
 * Nothing is downloaded: the sender is told to attach the file itself. A link counts when its host is
 * one of these services, or when the words around it say it is such a link (超大附件, 网盘, 提取码 …),
 * so that a service not listed here is still recognised by how the mail presents it.
 */
final class FileLinks {

    /** One file sent as a link. */
    record Link(String url, String name) {
    }

    /** At most this many links of one mail are reported. */
    static final int MAX_LINKS = 20;

    /** Hosts (and their subdomains) whose links are shared files or online documents. */
    private static final Set<String> FILE_HOSTS = Set.of(
            "ftn.qq.com", "dashi.163.com", "pan.baidu.com", "yun.baidu.com", "aliyundrive.com", "alipan.com",
            "weiyun.com", "pan.quark.cn", "cloud.189.cn", "123pan.com", "123pan.cn", "lanzou.com", "lanzoui.com",
            "lanzoux.com", "lanzouw.com", "lanzoul.com", "lanzouo.com", "ilanzou.com", "jianguoyun.com",
            "caiyun.139.com", "yun.139.com", "ecloud.10086.cn", "pan.wps.cn", "docs.qq.com", "kdocs.cn",
            "shimo.im", "feishu.cn", "larksuite.com", "yuque.com", "wetransfer.com", "we.tl", "1drv.ms",
            "onedrive.live.com", "sharepoint.com", "drive.google.com", "docs.google.com", "dropbox.com",
            "mega.nz");

    /** Web mail hosts, whose large-attachment links are told by their paths. */
    private static final Set<String> MAIL_HOSTS = Set.of("qq.com", "163.com", "126.com", "yeah.net", "188.com",
            "sina.com.cn", "sina.com", "sohu.com", "139.com", "10086.cn", "aliyun.com", "189.cn", "263.net",
            "outlook.com", "live.com");

    private static final Pattern LARGE_ATTACHMENT_PATH = Pattern.compile(
            "ftn|large-?attach|bigattach|big-?file|largefile|attach/?download|fileshare|netfolder", Pattern.CASE_INSENSITIVE);

    /** Words a mail uses around such a link. */
    private static final Pattern LINK_WORDS = Pattern.compile(
            "超大附件|云附件|大附件|网盘|云盘|提取码|访问码|在线文档|共享文档|下载链接|分享链接");

    private static final Pattern ANCHOR = Pattern.compile(
            "<a\\b[^>]{0,500}?\\bhref\\s*=\\s*(?:\"([^\"]{0,2000})\"|'([^']{0,2000})'|([^\\s>]{1,2000}))[^>]{0,500}>(.{0,500}?)</a\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"'，。；、）)】]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile(
            "[^\\s/\\\\:*?\"<>|，。：；、（）()【】\\[\\]]{1,80}\\.(?:docx?|xlsx?|xlsm|wps|et|pdf|ofd|zip|rar|7z|jpe?g|png|tiff?|heic)(?![A-Za-z0-9])",
            Pattern.CASE_INSENSITIVE);
    private static final int CONTEXT = 120;
    /** Links of one body looked at: a newsletter has hundreds, a mail sending files a few. */
    private static final int MAX_URLS = 500;
    /** Only the start of a body this long is looked at (a body of megabytes is a pasted picture). */
    private static final int MAX_BODY = 512 * 1024;

    private FileLinks() {
    }

    /** The files this mail sends as links, from its HTML body where it has one, else its text. */
    static List<Link> in(String html, String text) {
        html = html == null ? null : html.substring(0, Math.min(html.length(), MAX_BODY));
        text = text == null ? null : text.substring(0, Math.min(text.length(), MAX_BODY));
        boolean useHtml = html != null && !html.isBlank();
        if (!useHtml && (text == null || text.isBlank())) {
            return List.of();
        }
        // the body as text, each link replaced by a marker, so that the words around a link can be read
        List<String> urls = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        String marked = useHtml ? markAnchors(html, urls, anchors) : markBare(text, urls, anchors);
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < urls.size() && names.size() < 4 * MAX_LINKS; i++) {
            String url = urls.get(i).strip().replace("&amp;", "&");
            String marker = marker(i);
            int at = marked.indexOf(marker);
            // the words between this link and its neighbours: a name written there is this link's
            String before = marked.substring(Math.max(0, at - CONTEXT), Math.max(0, at));
            before = before.substring(before.lastIndexOf('\u0001') + 1).replace('\u0002', ' ');
            String after = at < 0 ? "" : marked.substring(at + marker.length(),
                    Math.min(marked.length(), at + marker.length() + CONTEXT));
            after = after.replaceAll("(?s)[\u0001\u0002].*", "");
            if (!isFileLink(url, before, after)) {
                continue;
            }
            String name = nameOf(anchors.get(i), before, after);
            // the same file linked several times (its icon, its name, a 下载 button): the one that names it
            names.merge(url, name == null ? "" : name, (was, now) -> was.isEmpty() ? now : was);
        }
        Map<String, Link> links = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (links.size() >= MAX_LINKS) {
                break;
            }
            String key = e.getValue().isEmpty() ? e.getKey() : e.getValue();
            links.putIfAbsent(key, new Link(e.getKey(), e.getValue().isEmpty() ? label(e.getKey(), links.size() + 1) : e.getValue()));
        }
        return List.copyOf(links.values());
    }

    private static String markAnchors(String html, List<String> urls, List<String> anchors) {
        StringBuilder out = new StringBuilder();
        Matcher m = ANCHOR.matcher(html);
        int last = 0;
        while (urls.size() < MAX_URLS && m.find()) {
            out.append(html, last, m.start());
            String url = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String anchor = textOf(m.group(4));
            if (url.regionMatches(true, 0, "http", 0, 4)) {
                out.append(" \u0002").append(anchor).append(' ').append(marker(urls.size())).append(' ');
                urls.add(url);
                anchors.add(anchor);
            } else {
                out.append(' ').append(anchor).append(' ');
            }
            last = m.end();
        }
        out.append(html.substring(last));
        // links written out as text in the HTML (not inside an anchor)
        return markBare(textOf(out.toString()), urls, anchors);
    }

    private static String markBare(String text, List<String> urls, List<String> anchors) {
        StringBuilder out = new StringBuilder();
        Matcher m = BARE_URL.matcher(text);
        int last = 0;
        while (urls.size() < MAX_URLS && m.find()) {
            out.append(text, last, m.start()).append(' ').append(marker(urls.size())).append(' ');
            urls.add(m.group());
            anchors.add("");
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    private static String marker(int i) {
        return "\u0001" + i + "\u0001";
    }

    private static String textOf(String html) {
        return html.replaceAll("[\r\n]+", " ").replaceAll("(?i)<(?:br|/?p|/?div|/?tr|/?li|/?table|/?h[1-6])\\b[^>]*>", "\n")
                .replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\n[\\s]*", "\n");
    }

    static boolean isFileLink(String url, String before, String after) {
        String host;
        String path;
        try {
            URI uri = URI.create(url.replace(" ", "%20").replace("|", "%7C"));
            host = uri.getHost();
            path = uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (matches(host, FILE_HOSTS)) {
            return true;
        }
        if (matches(host, MAIL_HOSTS) && LARGE_ATTACHMENT_PATH.matcher(path).find()) {
            return true;
        }
        // a service not listed: the mail says what the link is, right before it or right after it
        // on the link's own line: a signature's website is not a share because the line above gave a 提取码
        String near = tail(lineEnd(before), 40) + " " + head(lineStart(after), 40);
        return LINK_WORDS.matcher(near).find();
    }

    private static boolean matches(String host, Set<String> domains) {
        for (String d : domains) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    /** The file's name: the link's own text, else the nearest name written before it, else after it. */
    private static String nameOf(String anchor, String before, String after) {
        Matcher m = FILE_NAME.matcher(anchor);
        if (m.find()) {
            return m.group().strip();
        }
        String last = null;
        Matcher b = FILE_NAME.matcher(before);
        while (b.find()) {
            last = b.group();
        }
        if (last != null) {
            return last.strip();
        }
        Matcher a = FILE_NAME.matcher(after);
        return a.find() ? a.group().strip() : null;
    }

    private static String label(String url, int n) {
        String host = URI.create(url.replace(" ", "%20").replace("|", "%7C")).getHost();
        return "链接" + n + "（" + host + "）";
    }

    private static String lineEnd(String s) {
        return s.substring(s.lastIndexOf('\n') + 1);
    }

    private static String lineStart(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    private static String head(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
