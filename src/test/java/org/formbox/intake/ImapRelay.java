package org.formbox.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A relay on a free loopback port in front of an IMAP server that records the commands the client
 * sends, and can hide the server's {@code MOVE} capability (as NetEase's servers lack it), so that a
 * test sees what the intake asks of the server.
 */
final class ImapRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final boolean hideMove;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ImapRelay(String host, int port, boolean hideMove) throws IOException {
        this.host = host;
        this.port = port;
        this.hideMove = hideMove;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "imap-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The command lines the client sent, tags removed, in order. */
    /** Forgets the commands seen so far. */
    void forget() {
        commands.clear();
    }

    List<String> commands() {
        return commands.stream().map(c -> c.contains(" ") ? c.substring(c.indexOf(' ') + 1) : c).toList();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                sockets.add(client);
                sockets.add(server);
                pump(client.getInputStream(), server.getOutputStream(), true);
                pump(server.getInputStream(), client.getOutputStream(), false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean fromClient) {
        Thread t = new Thread(() -> {
            try (InputStream buffered = new java.io.BufferedInputStream(in); out) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = buffered.read()) >= 0) {
                    line.write(b);
                    if (b == '\n') {
                        forward(line.toByteArray(), out, fromClient);
                        line.reset();
                    }
                }
            } catch (IOException closed) {
                // one side hung up
            }
        }, "imap-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private void forward(byte[] line, OutputStream out, boolean fromClient) throws IOException {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (fromClient) {
            commands.add(text.strip());
        } else if (hideMove && (text.startsWith("* CAPABILITY ") || text.contains(" OK [CAPABILITY "))) {
            line = text.replace(" MOVE", "").getBytes(StandardCharsets.ISO_8859_1);
        }
        out.write(line);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
