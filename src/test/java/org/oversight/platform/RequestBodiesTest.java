package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@OversightTest
class RequestBodiesTest {

    @LocalServerPort int port;

    /** A request promising a body of a megabyte, of which it sends one byte. */
    private Socket slowBody(String path, String type) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                + "\r\nContent-Length: 1000000\r\n\r\nu").getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    /** The status line and headers of the answer, or what came before the connection closed or the wait ran out. */
    private static String head(Socket s, Duration wait) throws IOException {
        s.setSoTimeout((int) wait.toMillis());
        InputStream in = s.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int b; !out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && (b = in.read()) >= 0; ) {
                out.write(b);
            }
        } catch (SocketTimeoutException stillWaiting) {
            // an answer not (yet) sent
        } catch (IOException reset) {
            // the connection closed on a body it would not read
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether the server ends the connection within {@code wait}, rather than go on waiting for the body. */
    private static boolean closed(Socket s, Duration wait) throws IOException {
        s.setSoTimeout((int) wait.toMillis());
        try {
            while (s.getInputStream().read() >= 0) {
                // what the server answered before it closed
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void pagesKeepAnsweringWhileTwoHundredClientsSendTheirBodiesSlowly() throws Exception {
        int clients = 220;
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < clients; i++) {
                slow.add(i % 2 == 0 ? slowBody("/login", "application/x-www-form-urlencoded") : slowBody("/api/figures", "text/csv"));
            }
            trickle.scheduleWithFixedDelay(() -> slow.forEach(s -> {
                try {
                    s.getOutputStream().write('x');
                } catch (IOException closedByTheServer) {
                    // refused or cut off
                }
            }), 2, 2, TimeUnit.SECONDS);

            // A body that arrives whole with its request takes no place: sent now, while this address's places are taken, it is answered.
            List<Socket> whole = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 21\r\nConnection: close\r\n\r\nusername=a&password=b").getBytes(StandardCharsets.ISO_8859_1));
                whole.add(s);
            }
            for (Socket s : whole) {
                assertThat(head(s, Duration.ofSeconds(30))).as("a sign-in without its CSRF token, its body whole").startsWith("HTTP/1.1 403");
                s.close();
            }

            HttpClient http = HttpClient.newHttpClient();
            for (String page : List.of("/committees", "/dashboard", "/api/dashboards/2019-01")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(page + " while %d bodies come slowly", clients).isLessThan(500);
            }

            List<Socket> taken = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < clients; i++) {
                String head = head(slow.get(i), Duration.ofMillis(300));
                if (head.startsWith("HTTP/1.1 503")) {
                    refused++;
                    assertThat(head).as("the refusal, as the API's or the web's").contains(i % 2 == 0 ? "Content-Type: text/html" : "Content-Type: application/problem+json");
                } else {
                    taken.add(slow.get(i));
                }
            }
            assertThat(refused).as("bodies refused unread, beyond the %d one address may be sending at once", RequestBodies.PER_ADDRESS)
                    .isEqualTo(clients - RequestBodies.PER_ADDRESS);
            for (Socket s : taken) {
                assertThat(closed(s, Duration.ofSeconds(90))).as("a body taken but coming too slowly is cut off").isTrue();
            }
        } finally {
            trickle.shutdownNow();
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    private static final ApplicationBufferHandler SINK = ApplicationBufferHandler.EMPTY;

    /** A body of which each read gives {@code bytes} after {@code nanos} of waiting for the client. */
    private static InputBuffer arriving(long[] clock, int bytes, long nanos) {
        return new InputBuffer() {
            @Override
            public int doRead(ApplicationBufferHandler handler) {
                clock[0] += nanos;
                return bytes;
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    @Test
    void aBodyTricklingInIsCutOffOnceItHasKeptItsThreadWaitingLongerThanItsBytesAllow() throws Exception {
        long[] clock = {0};
        RequestBodies.Paced body = new RequestBodies.Paced(arriving(clock, 1, TimeUnit.SECONDS.toNanos(8)), () -> clock[0], 1_000_000, () -> { });
        assertThat(body.doRead(SINK)).as("8 seconds for the first byte: within the 10 allowed").isEqualTo(1);
        assertThatThrownBy(() -> body.doRead(SINK)).isInstanceOf(SocketTimeoutException.class).hasMessageContaining("too slowly");
    }

    @Test
    void aLargeBodySentAtAnOrdinarySpeedIsNeverCutOff() throws Exception {
        long[] clock = {0};
        // 64 MB, the largest upload a form takes, at 1 MB a second.
        RequestBodies.Paced body = new RequestBodies.Paced(arriving(clock, 64 * 1024, TimeUnit.MILLISECONDS.toNanos(62)), () -> clock[0], -1, () -> { });
        long read = 0;
        while (read < 64L * 1024 * 1024) {
            read += body.doRead(SINK);
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(clock[0])).isGreaterThanOrEqualTo(60);
    }

    @Test
    void anApplicationSlowToReadTheBodyIsNotTheClientsFault() throws Exception {
        long[] clock = {0};
        RequestBodies.Paced body = new RequestBodies.Paced(arriving(clock, 1, 0), () -> clock[0], -1, () -> { });
        for (int i = 0; i < 100; i++) {
            body.doRead(SINK);
            clock[0] += TimeUnit.SECONDS.toNanos(60);
        }
    }
}
