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

    private record Random(long seed, double rate, java.time.Duration slow, java.time.Duration timeout) {
    }

    private record Stall(String method, Pattern path, java.time.Duration delay, AtomicInteger remaining) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Stall> stalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger stallsServed = new AtomicInteger();
    private final AtomicInteger wrongChecksums = new AtomicInteger();
    private final java.util.Map<Action, java.util.concurrent.atomic.AtomicLong> injected =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicLong> occurrences =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
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

    /**
     * The next {@code times} requests with this method and a path matching {@code pathRegex} are held for
     * {@code delay} and then served as usual: with a delay past the client's timeout, a write whose answer is lost
     * but whose effect lands later.
     */
    public void stallNext(String method, String pathRegex, java.time.Duration delay, int times) {
        stalls.add(new Stall(method, Pattern.compile(pathRegex), delay, new AtomicInteger(times)));
    }

    /** How many stalled requests have been served since the simulator started. */
    public int stallsServed() {
        return stallsServed.get();
    }

    /** The next {@code times} uploads are stored but reported with a checksum that is not the file's. */
    public void misreportChecksums(int times) {
        wrongChecksums.set(times);
    }

    /**
     * From now on a share {@code rate} of API requests fail (503 or 500, before any effect), answer slowly, or answer
     * only after {@code timeout} (the client has given up by then, but the request still takes effect: a lost
     * answer). Each decision is drawn from {@code seed}, the request ({@link RequestKeys}) and how many times that
     * request came before, so a seed gives the same requests the same faults whatever the threads' order. Counts
     * start again from zero.
     */
    public void randomly(long seed, double rate, java.time.Duration slow, java.time.Duration timeout) {
        occurrences.clear();
        injected.clear();
        requests.set(0);
        random = new Random(seed, rate, slow, timeout);
    }

    /** How many faults of each kind were injected at random: counted when injected. */
    public java.util.Map<String, Long> injected() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        injected.forEach((action, count) -> counts.put(action.name(), count.get()));
        return counts;
    }

    /** How many API requests arrived while random faults were on, faulty or not. */
    public long requests() {
        return requests.get();
    }

    public void clear() {
        rules.clear();
        ignoredFilters.set(0);
        stalls.clear();
        wrongChecksums.set(0);
        random = null;
    }

    boolean random() {
        return random != null;
    }

    /** @param requestKey what the request is ({@link RequestKeys#of}) */
    Optional<Action> randomAction(String requestKey) {
        Random current = random;
        if (current == null) {
            return Optional.empty();
        }
        requests.incrementAndGet();
        long occurrence = occurrences.computeIfAbsent(requestKey, k -> new java.util.concurrent.atomic.AtomicLong())
                .incrementAndGet();
        long draw = RequestKeys.mix(current.seed() ^ RequestKeys.mix(RequestKeys.hash(requestKey) + occurrence));
        if ((draw >>> 11) * 0x1.0p-53 >= current.rate()) {
            return Optional.empty();
        }
        Action action = Action.values()[(int) Long.remainderUnsigned(RequestKeys.mix(draw), Action.values().length)];
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

    Optional<java.time.Duration> stall(String method, String path) {
        for (Stall stall : stalls) {
            if (stall.method().equals(method) && stall.path().matcher(path).find()
                    && stall.remaining().getAndDecrement() > 0) {
                return Optional.of(stall.delay());
            }
        }
        return Optional.empty();
    }

    void stallServed() {
        stallsServed.incrementAndGet();
    }

    boolean misreportChecksum() {
        return wrongChecksums.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
