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

    /** What a randomly chosen request suffers. */
    enum Action { FAIL_503, FAIL_500, SLOW, TIMEOUT }

    private record Random(java.util.Random random, double rate, java.time.Duration slow, java.time.Duration timeout) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger wrongChecksums = new AtomicInteger();
    private final java.util.Map<Action, java.util.concurrent.atomic.AtomicLong> injected =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Random random;

    /** The next {@code times} requests with this method and a path matching {@code pathRegex} get {@code status}. */
    public void failNext(String method, String pathRegex, int status, int times) {
        rules.add(new Rule(method, Pattern.compile(pathRegex), status, new AtomicInteger(times)));
    }

    /**
     * The next {@code times} requests with this method and a path matching {@code pathRegex} are answered
     * HTTP 200 with an error body, as real servers answer failed queries.
     */
    public void errorInOkNext(String method, String pathRegex, int times) {
        failNext(method, pathRegex, ERROR_IN_OK, times);
    }

    /** The next {@code times} filtered list requests are answered as if unfiltered (seen for unparsable filters). */
    public void ignoreFiltersNext(int times) {
        ignoredFilters.set(times);
    }

    boolean ignoreFilter() {
        return ignoredFilters.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private final AtomicInteger ignoredFilters = new AtomicInteger();

    /** The status of a rule that answers an error in a 200. */
    static final int ERROR_IN_OK = 2400;

    /** The next {@code times} uploads are stored but reported with a checksum that is not the file's. */
    public void misreportChecksums(int times) {
        wrongChecksums.set(times);
    }

    /**
     * From now on a share {@code rate} of API requests, drawn from {@code seed}, fail (503 or 500, before any
     * effect), answer slowly, or answer only after {@code timeout} (the client has given up by then, but the
     * request still takes effect: a lost answer).
     */
    public void randomly(long seed, double rate, java.time.Duration slow, java.time.Duration timeout) {
        random = new Random(new java.util.Random(seed), rate, slow, timeout);
    }

    /** How many faults of each kind were injected at random. */
    public java.util.Map<String, Long> injected() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        injected.forEach((action, count) -> counts.put(action.name(), count.get()));
        return counts;
    }

    public void clear() {
        rules.clear();
        ignoredFilters.set(0);
        wrongChecksums.set(0);
        random = null;
    }

    Optional<Action> randomAction() {
        Random current = random;
        if (current == null) {
            return Optional.empty();
        }
        double roll;
        int kind;
        synchronized (current.random()) {
            roll = current.random().nextDouble();
            kind = current.random().nextInt(4);
        }
        if (roll >= current.rate()) {
            return Optional.empty();
        }
        Action action = Action.values()[kind];
        injected.computeIfAbsent(action, a -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        return Optional.of(action);
    }

    java.time.Duration delay(Action action) {
        Random current = random;
        if (current == null) {
            return java.time.Duration.ZERO;
        }
        return action == Action.SLOW ? current.slow() : action == Action.TIMEOUT ? current.timeout() : java.time.Duration.ZERO;
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
