package dk.postfordeling.local.bench;

import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.local.SampleFeeder;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's load generator: uploads mail to intake over one kept-alive HTTP/1.1 connection,
 * one request at a time, with as little client work as possible so the client's CPU use does not
 * eat into what is measured (the JDK's HTTP client used 1.6 ms of CPU per small upload here, a fifth
 * of the two cores). Not thread-safe: one uploader per client thread.
 */
final class KeepAliveUploader implements AutoCloseable {

    private static final String BOUNDARY = "postfordeling-bench-boundary";

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private static final String AUTHORIZATION = dk.postfordeling.local.PipelineServices.localBasic(
            dk.postfordeling.local.PipelineServices.LOCAL_UPLOADER);

    KeepAliveUploader(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Uploads one file as multipart part {@code file}; returns the mail id intake assigned. */
    String upload(byte[] content, String fileName) throws IOException {
        byte[] head = SampleFeeder.filePartHead(BOUNDARY, fileName);
        byte[] tail = SampleFeeder.filePartTail(BOUNDARY);
        byte[] request = ("POST /api/v1/mails HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nAuthorization: " + AUTHORIZATION
                + "\r\nAccept: application/json\r\nContent-Length: " + (head.length + content.length + tail.length) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        connect();
        out.write(request);
        out.write(head);
        out.write(content);
        out.write(tail);
        out.flush();
        Response response = readResponse();
        if (response.status != 202) {
            throw new IOException("intake refused " + fileName + ": HTTP " + response.status + " " + response.body);
        }
        if (response.close) {
            close();
        }
        return (String) MailJson.mapper().readValue(response.body, Map.class).get("mailId");
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("intake closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        int contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer.parseInt(readLine().trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine();
            }
            readLine();
        } else if (contentLength >= 0) {
            body.write(in.readNBytes(contentLength));
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8), close);
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private record Response(int status, String body, boolean close) {
    }
}
