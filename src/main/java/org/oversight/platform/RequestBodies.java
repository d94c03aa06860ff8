package org.oversight.platform;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * A worker thread waits for every byte of a request's body, so a client that sends its body
 * slowly holds a thread, and two hundred of them hold them all. Here, before the application:
 * <ul>
 * <li>at most {@value #PER_ADDRESS} bodies still arriving from one address, and {@value #IN_ALL}
 * in all (half of Tomcat's 200 threads), are taken at once; another is refused unread (503, the
 * connection closed). A body that has all arrived with its request (a sign-in, most forms) takes
 * no place, and one that is taken gives its place back once it has all arrived; requests without
 * a body are never held back, so pages keep answering;</li>
 * <li>a body must keep coming: it may keep its thread waiting 10 seconds, and a second more for
 * each 8 KB it sends, or it is cut off (408). An upload of any size at 8 KB a second or faster is
 * never cut;</li>
 * <li>a body the application did not read (a refusal answered at once) is read to its end under
 * the same rule, not waited for however slowly it comes.</li>
 * </ul>
 */
final class RequestBodies extends ValveBase {

    static final int PER_ADDRESS = 16;
    static final int IN_ALL = 100;

    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger inAll = new AtomicInteger();

    RequestBodies() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        long length = coyote.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(coyote.getHeader("Transfer-Encoding"));
        if ((length <= 0 && !chunked) || (!chunked && coyote.getInputBuffer().available() >= length)) {
            getNext().invoke(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        if (!admit(address)) {
            // The connection is closed after the answer, its body never read.
            coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            response.setHeader("Retry-After", "10");
            response.sendError(503);
            // The host's valve shows the error page, and passes nothing on to the application.
            getNext().invoke(request, response);
            return;
        }
        AtomicBoolean taken = new AtomicBoolean(true);
        Runnable arrived = () -> {
            if (taken.getAndSet(false)) {
                release(address);
            }
        };
        InputBuffer body = coyote.getInputBuffer();
        coyote.setInputBuffer(new Paced(body, System::nanoTime, chunked ? -1 : length, arrived));
        try {
            getNext().invoke(request, response);
            if (!request.isAsync()) {
                readToEnd(request, response);
            }
        } finally {
            coyote.setInputBuffer(body);
            arrived.run();
        }
    }

    private boolean admit(String address) {
        if (inAll.incrementAndGet() > IN_ALL) {
            inAll.decrementAndGet();
            return false;
        }
        boolean[] admitted = {false};
        perAddress.compute(address, (a, n) -> {
            int taken = n == null ? 0 : n;
            admitted[0] = taken < PER_ADDRESS;
            return admitted[0] ? taken + 1 : n;
        });
        if (!admitted[0]) {
            inAll.decrementAndGet();
        }
        return admitted[0];
    }

    private void release(String address) {
        perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        inAll.decrementAndGet();
    }

    /**
     * What Tomcat would read after the response (to keep the connection for the next request),
     * read here under the pace, with the response sent first. A client too slow, or a body over
     * Tomcat's swallow limit, has its connection closed instead.
     */
    private static void readToEnd(Request request, Response response) throws IOException {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        AtomicBoolean read = new AtomicBoolean();
        coyote.action(ActionCode.REQUEST_BODY_FULLY_READ, read);
        AtomicBoolean open = new AtomicBoolean();
        coyote.action(ActionCode.IS_IO_ALLOWED, open);
        if (read.get() || !open.get()) {
            return;
        }
        long limit = request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http ? http.getMaxSwallowSize() : 0;
        try {
            response.flushBuffer();
            Discard sink = new Discard();
            long left = limit < 0 ? Long.MAX_VALUE : limit;
            for (int n; (n = coyote.doRead(sink)) >= 0 && left >= 0; ) {
                left -= n;
            }
            if (left < 0) {
                coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        } catch (IOException e) {
            coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    private static final class Discard implements ApplicationBufferHandler {
        private ByteBuffer buffer = EMPTY_BUFFER;

        @Override
        public void setByteBuffer(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer getByteBuffer() {
            return buffer;
        }

        @Override
        public void expand(int size) {
        }
    }

    /**
     * A body's reads, cut off once the client has kept its thread waiting longer than what it sent
     * allows; {@code arrived} is told when the body has all arrived ({@code length} bytes, or its end).
     */
    static final class Paced implements InputBuffer {

        static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);
        static final long BYTES_PER_SECOND = 8 * 1024;

        private final InputBuffer body;
        private final LongSupplier clock;
        private final long length;
        private final Runnable arrived;
        private long waited;
        private long received;

        Paced(InputBuffer body, LongSupplier clock, long length, Runnable arrived) {
            this.body = body;
            this.clock = clock;
            this.length = length;
            this.arrived = arrived;
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            long start = clock.getAsLong();
            int n = body.doRead(handler);
            // Only the time spent waiting for the client counts: an application slow to read is not the client's doing.
            waited += clock.getAsLong() - start;
            if (n > 0) {
                received += n;
            }
            if (n < 0 || (length >= 0 && received >= length)) {
                arrived.run();
            } else if (waited > GRACE_NANOS + received * TimeUnit.SECONDS.toNanos(1) / BYTES_PER_SECOND) {
                throw new SocketTimeoutException(String.format("the request body came too slowly: %d bytes in %d seconds of waiting",
                        received, TimeUnit.NANOSECONDS.toSeconds(waited)));
            }
            return n;
        }

        @Override
        public int available() {
            return body.available();
        }
    }
}
