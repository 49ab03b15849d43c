package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * NetEase mailboxes refuse to open a folder unless the client sent the IMAP ID command first.
 * A scripted server that advertises ID, as they do, records what the store says to it.
 */
class IdentifyingImapStoreTests {

    @Test
    void sendsIdAfterLoginWhenTheServerOffersIt() throws Exception {
        assertThat(commandsSeen("IMAP4rev1 ID")).anyMatch(c -> c.contains(" ID (") && c.contains("\"name\" \"Formbox\""));
    }

    @Test
    void staysQuietWhenTheServerDoesNotOfferId() throws Exception {
        assertThat(commandsSeen("IMAP4rev1")).noneMatch(c -> c.contains(" ID "));
    }

    private static List<String> commandsSeen(String capabilities) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread script = new Thread(() -> serve(server, capabilities, seen));
            script.setDaemon(true);
            script.start();
            Properties p = new Properties();
            p.setProperty("mail.imap.class", IdentifyingImapStore.class.getName());
            p.setProperty("mail.imap.connectiontimeout", "5000");
            p.setProperty("mail.imap.timeout", "5000");
            try (Store store = Session.getInstance(p).getStore("imap")) {
                store.connect("127.0.0.1", server.getLocalPort(), "forms@163.com", "secret");
                assertThat(store).isInstanceOf(IdentifyingImapStore.class);
            }
            script.join(5000);
        }
        return seen;
    }

    private static void serve(ServerSocket server, String capabilities, List<String> seen) {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            write(out, "* OK [CAPABILITY " + capabilities + "] ready");
            String line;
            while ((line = in.readLine()) != null) {
                seen.add(line);
                String tag = line.substring(0, line.indexOf(' '));
                String command = line.substring(tag.length() + 1).toUpperCase();
                if (command.startsWith("CAPABILITY")) {
                    write(out, "* CAPABILITY " + capabilities);
                } else if (command.startsWith("ID")) {
                    write(out, "* ID (\"name\" \"scripted\")");
                } else if (command.startsWith("LOGOUT")) {
                    write(out, "* BYE");
                    write(out, tag + " OK done");
                    return;
                }
                write(out, tag + " OK done");
            }
        } catch (Exception ignored) {
            // the client hung up
        }
    }

    private static void write(OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
