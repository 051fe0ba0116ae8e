package no.webcruiteresa.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a request is, without what differs from run to run (system ids, today's date): the key under which
 * {@link Faults} draws its decision, so that the same seed gives the same request the same fate whatever order the
 * threads send it in. Reads the start of the body and puts it back for the handler.
 */
final class RequestKeys {
    private static final Pattern VARIES_BETWEEN_RUNS = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "|\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?)?");
    private static final int BODY_PREFIX = 64 * 1024;

    private RequestKeys() {
    }

    static String of(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        byte[] prefix = body.readNBytes(BODY_PREFIX);
        exchange.setStreams(new SequenceInputStream(new ByteArrayInputStream(prefix), body), null);
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "?"
                + exchange.getRequestURI().getRawQuery() + "\n" + new String(prefix, StandardCharsets.ISO_8859_1);
        return VARIES_BETWEEN_RUNS.matcher(request).replaceAll("*");
    }

    /** FNV-1a, 64 bits: stable across JVMs, unlike String.hashCode's 32 bits that collide too often here. */
    static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: spreads neighbouring inputs over the whole range. */
    static long mix(long value) {
        long z = value + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
