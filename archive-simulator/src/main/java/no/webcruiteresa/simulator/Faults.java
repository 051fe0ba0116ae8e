package no.webcruiteresa.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Misbehaviour on demand, for tests of the client and the pipeline: failing answers for chosen requests, and
 * uploads whose reported checksum is wrong (as a corrupting store would report).
 */
public final class Faults {
    private record Rule(String method, Pattern path, int status, AtomicInteger remaining) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger wrongChecksums = new AtomicInteger();

    /** The next {@code times} requests with this method and a path matching {@code pathRegex} get {@code status}. */
    public void failNext(String method, String pathRegex, int status, int times) {
        rules.add(new Rule(method, Pattern.compile(pathRegex), status, new AtomicInteger(times)));
    }

    /** The next {@code times} uploads are stored but reported with a checksum that is not the file's. */
    public void misreportChecksums(int times) {
        wrongChecksums.set(times);
    }

    public void clear() {
        rules.clear();
        wrongChecksums.set(0);
    }

    Optional<Integer> failure(String method, String path) {
        for (Rule rule : rules) {
            if (rule.method().equals(method) && rule.path().matcher(path).find()
                    && rule.remaining().getAndDecrement() > 0) {
                return Optional.of(rule.status());
            }
        }
        return Optional.empty();
    }

    boolean misreportChecksum() {
        return wrongChecksums.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
