package org.formbox.submission;

import java.util.Locale;
import java.util.Set;

/**
 * Sender addresses as the file compares them: case folded, and a domain shared only when it is an
 * organisation's own (two strangers on qq.com or 163.com are not colleagues).
 */
final class Senders {

    /** Public mail services common in China and abroad: a shared domain there says nothing. */
    private static final Set<String> PUBLIC_DOMAINS = Set.of("qq.com", "foxmail.com", "163.com", "126.com", "yeah.net",
            "vip.163.com", "vip.126.com", "188.com", "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "139.com",
            "189.cn", "wo.cn", "aliyun.com", "outlook.com", "hotmail.com", "live.com", "gmail.com", "yahoo.com",
            "icloud.com", "me.com", "msn.com", "tom.com", "21cn.com");

    private Senders() {
    }

    static String normalise(String address) {
        return address == null ? null : address.strip().replace("\"", "").toLowerCase(Locale.ROOT);
    }

    /** The domain of an organisation's own mail server, or null for a public service or no address. */
    static String ownDomain(String address) {
        String a = normalise(address);
        if (a == null || a.indexOf('@') < 0) {
            return null;
        }
        String domain = a.substring(a.lastIndexOf('@') + 1);
        return domain.isBlank() || PUBLIC_DOMAINS.contains(domain) ? null : domain;
    }

    /** Whether two addresses are the same person or the same organisation's mail. */
    static boolean related(String one, String other) {
        String a = normalise(one);
        String b = normalise(other);
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        String da = ownDomain(a);
        return da != null && da.equals(ownDomain(b));
    }
}
