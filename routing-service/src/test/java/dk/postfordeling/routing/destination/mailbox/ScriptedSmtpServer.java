package dk.postfordeling.routing.destination.mailbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server that answers each connection as scripted: {@code TEMPORARY_FAILURE} replies
 * 421 and hangs up (a mail server that is busy or restarting), {@code SILENT} accepts the connection
 * and never answers (a hung server), {@code ACCEPT} takes the message (RFC 5321 happy path). Once the
 * script is used up every connection is accepted. It counts the connections and the messages it
 * took, and can drop every open connection (as a server does with idle ones).
 */
final class ScriptedSmtpServer implements AutoCloseable {

    enum Answer { TEMPORARY_FAILURE, SILENT, ACCEPT }

    private final ServerSocket socket = new ServerSocket(0);
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread thread;

    ScriptedSmtpServer(Answer... answers) throws IOException {
        script.addAll(java.util.List.of(answers));
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int acceptedMessages() {
        return accepted.get();
    }

    int connections() {
        return connections.get();
    }

    /** Closes every open connection without a word, as a server does when it times out idle clients. */
    void dropOpenConnections() throws IOException {
        for (Socket client : open) {
            client.close();
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                open.add(client);
                Answer answer = script.isEmpty() ? Answer.ACCEPT : script.poll();
                Thread handler = new Thread(() -> handle(client, answer), "scripted-smtp-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client, Answer answer) {
        try (client) {
            OutputStream out = client.getOutputStream();
            if (answer == Answer.SILENT) {
                client.getInputStream().read(); // hold the connection until the client gives up
                return;
            }
            if (answer == Answer.TEMPORARY_FAILURE) {
                out.write("421 4.3.2 Service not available, try again later\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            reply(out, "220 scripted.kommune.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 2.0.0 Queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognised");
                }
            }
        } catch (IOException ignored) {
            // the client hung up
        } finally {
            open.remove(client);
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
