package net.nym.tokenomics.performance.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 GET to a node's self-described API, on a connection of its own to an address already resolved and
 * checked (no second resolution). Everything the node controls is bounded: the whole exchange (connect, head, body)
 * must finish before a deadline, however slowly the node sends; the head and the body are capped in bytes and a body
 * over its cap is refused without reading it. java.net.http.HttpClient's timeout stops once headers arrive, which is
 * why this is done by hand.
 */
final class NodeApiClient {

    static final int MAX_HEAD_BYTES = 16 * 1024;

    /** What went wrong, already phrased for the node's fact. */
    static final class ProbeFailure extends Exception {
        ProbeFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    record Answer(int status, byte[] body) { }

    private final int maxBodyBytes;

    NodeApiClient(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** @param deadline {@link System#nanoTime()} by which the answer must be complete */
    Answer get(InetAddress address, int port, String hostHeader, String path, long deadline)
            throws ProbeFailure, InterruptedException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE, remainingMillis(deadline, path)));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: application/json\r\n"
                    + "User-Agent: nym-tokenomics-prober\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Reader in = new Reader(socket, deadline, path);
            return read(in, path);
        } catch (SocketTimeoutException e) {
            throw deadlinePassed(path);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("probe interrupted");
            }
            throw new ProbeFailure("unreachable: " + path + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private Answer read(Reader in, String path) throws IOException, ProbeFailure {
        String statusLine = in.line(MAX_HEAD_BYTES);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            throw invalid(path, "malformed status line");
        }
        int status = Integer.parseInt(parts[1]);
        long contentLength = -1;
        boolean chunked = false;
        int headBytes = statusLine.length();
        while (true) {
            String line = in.line(MAX_HEAD_BYTES - headBytes);
            headBytes += line.length() + 2;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw invalid(path, "malformed header line");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                if (!value.matches("[0-9]{1,18}") || (contentLength >= 0 && contentLength != Long.parseLong(value))) {
                    throw invalid(path, "malformed Content-Length");
                }
                contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
            }
        }
        if (status != 200) {
            return new Answer(status, new byte[0]);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String sizeLine = in.line(1024);
                String size = sizeLine.split(";", 2)[0].trim();
                if (!size.matches("[0-9A-Fa-f]{1,8}")) {
                    throw invalid(path, "malformed chunk size");
                }
                long n = Long.parseLong(size, 16);
                if (n == 0) {
                    break; // trailers, if any, are not read: the connection is closed anyway
                }
                copy(in, body, n, path);
                in.line(2);
            }
        } else if (contentLength >= 0) {
            copy(in, body, contentLength, path);
        } else {
            int b;
            while ((b = in.read()) >= 0) {
                if (body.size() >= maxBodyBytes) {
                    throw tooLarge(path);
                }
                body.write(b);
            }
        }
        return new Answer(status, body.toByteArray());
    }

    private void copy(Reader in, ByteArrayOutputStream body, long n, String path) throws IOException, ProbeFailure {
        if (body.size() + n > maxBodyBytes) {
            throw tooLarge(path);
        }
        for (long i = 0; i < n; i++) {
            int b = in.read();
            if (b < 0) {
                throw invalid(path, "body shorter than announced");
            }
            body.write(b);
        }
    }

    private ProbeFailure tooLarge(String path) {
        return invalid(path, "body larger than " + maxBodyBytes + " bytes");
    }

    private static ProbeFailure invalid(String path, String why) {
        return new ProbeFailure("invalid answer: " + path + ": " + why);
    }

    private static ProbeFailure deadlinePassed(String path) {
        return new ProbeFailure("unreachable: " + path + ": no complete answer before the probe's deadline");
    }

    private static long remainingMillis(long deadline, String path) throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException(path);
        }
        return Math.max(1, left / 1_000_000);
    }

    /** Buffered reads that never wait past the deadline: the socket timeout is re-armed with what is left. */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final String path;
        private final byte[] buffer = new byte[8192];
        private int pos;
        private int limit;

        Reader(Socket socket, long deadline, String path) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
            this.path = path;
        }

        int read() throws IOException {
            if (pos == limit) {
                // Checked before every read, so a node sending a byte at a time is still cut off at the deadline.
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis(deadline, path)));
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[pos++] & 0xff;
        }

        /** One CRLF- (or LF-) terminated line of at most max bytes, without its terminator. */
        String line(int max) throws IOException, ProbeFailure {
            StringBuilder sb = new StringBuilder();
            while (true) {
                int b = read();
                if (b < 0) {
                    throw new ProbeFailure("invalid answer: " + path + ": connection closed mid-answer");
                }
                if (b == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                if (sb.length() >= max) {
                    throw new ProbeFailure("invalid answer: " + path + ": head larger than " + MAX_HEAD_BYTES + " bytes");
                }
                sb.append((char) b);
            }
        }
    }
}
