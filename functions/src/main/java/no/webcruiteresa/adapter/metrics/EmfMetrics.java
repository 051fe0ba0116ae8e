package no.webcruiteresa.adapter.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.Metrics;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * Metrics in CloudWatch's embedded metric format: one JSON document per invocation (and one per quarantine rule),
 * written as a line to standard output, which Lambda sends to CloudWatch Logs, where the metrics are extracted.
 * Counts accumulate between {@link #publish} calls; nothing is written for an invocation that recorded nothing.
 * Dimensions: FunctionName (the Lambda's own name on AWS, so every alarm can name it), and Rule for quarantines.
 */
public final class EmfMetrics implements Metrics {
    private static final Logger LOG = Logger.getLogger(EmfMetrics.class.getName());
    private static final int MAX_RULE_LENGTH = 64;

    /** Every metric this adapter writes (template.yaml's alarms and dashboard may name only these). */
    public static final Set<String> METRIC_NAMES = Set.of("DocumentsArchived", "BytesArchived", "ArchiveLatency",
            "Quarantined", "MessagesReceived", "MessagesFailed", "Retries", "PostponeFailures", "RetentionDeleted",
            "RetentionHeld", "RetentionErrors", "DropsRedriven", "MessagesRedriven",
            "UnroutedPostings", "CaseNoticeFailures", "CasesClosed", "CaseClosesWaiting");

    /** Where the documents go: standard output (Lambda), this class's logger at FINE (local runs), or nowhere. */
    public enum Sink {
        STDOUT, LOG, OFF;

        /** "auto": standard output inside Lambda, the log elsewhere. */
        public static Sink of(String name, boolean inLambda) {
            String value = name == null || name.isBlank() ? "auto" : name.trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "auto" -> inLambda ? STDOUT : LOG;
                case "stdout" -> STDOUT;
                case "log" -> LOG;
                case "off" -> OFF;
                default -> throw new IllegalArgumentException(
                        "webcruiter-esa.metrics.sink must be auto, stdout, log or off, was '" + name + "'");
            };
        }
    }

    private final String namespace;
    private final String functionName;
    private final Consumer<String> out;
    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final List<Double> latenciesMillis = new ArrayList<>();
    private final Map<String, Long> quarantinedByRule = new TreeMap<>();

    private record Counter(Unit unit, long value) {
    }

    /**
     * @param functionName the FunctionName dimension; blank uses the name each {@link #publish} call gives
     * @param out          receives each EMF document, one JSON line
     */
    public EmfMetrics(String namespace, String functionName, Consumer<String> out) {
        this.namespace = namespace;
        this.functionName = functionName == null || functionName.isBlank() ? null : functionName;
        this.out = out;
    }

    public static Metrics create(String namespace, String functionName, Sink sink) {
        return switch (sink) {
            case STDOUT -> new EmfMetrics(namespace, functionName, System.out::println);
            case LOG -> new EmfMetrics(namespace, functionName, line -> LOG.log(Level.FINE, line));
            case OFF -> Metrics.none();
        };
    }

    @Override
    public synchronized void documentArchived(long bytes, Duration latency) {
        add("DocumentsArchived", Unit.COUNT, 1);
        add("BytesArchived", Unit.BYTES, bytes);
        latenciesMillis.add((double) latency.toMillis());
    }

    @Override
    public synchronized void quarantined(String rule) {
        add("Quarantined", Unit.COUNT, 1);
        quarantinedByRule.merge(ruleName(rule), 1L, Long::sum);
    }

    @Override
    public synchronized void batchHandled(int messages, int failed, int retries) {
        add("MessagesReceived", Unit.COUNT, messages);
        add("MessagesFailed", Unit.COUNT, failed);
        add("Retries", Unit.COUNT, retries);
    }

    @Override
    public synchronized void postponeFailed() {
        add("PostponeFailures", Unit.COUNT, 1);
    }

    @Override
    public synchronized void retentionSwept(long deleted, long held, long errors) {
        add("RetentionDeleted", Unit.COUNT, deleted);
        add("RetentionHeld", Unit.COUNT, held);
        add("RetentionErrors", Unit.COUNT, errors);
    }

    @Override
    public synchronized void redriven(int dropsReleased, int messagesMoved) {
        add("DropsRedriven", Unit.COUNT, dropsReleased);
        add("MessagesRedriven", Unit.COUNT, messagesMoved);
    }

    @Override
    public synchronized void postingUnrouted() {
        add("UnroutedPostings", Unit.COUNT, 1);
    }

    @Override
    public synchronized void caseNoticeFailed() {
        add("CaseNoticeFailures", Unit.COUNT, 1);
    }

    @Override
    public synchronized void caseClosed() {
        add("CasesClosed", Unit.COUNT, 1);
    }

    @Override
    public synchronized void caseCloseWaiting() {
        add("CaseClosesWaiting", Unit.COUNT, 1);
    }

    @Override
    public void publish(String function) {
        Map<String, Counter> counts;
        List<Double> latencies;
        Map<String, Long> rules;
        synchronized (this) {
            counts = new LinkedHashMap<>(counters);
            latencies = List.copyOf(latenciesMillis);
            rules = new TreeMap<>(quarantinedByRule);
            counters.clear();
            latenciesMillis.clear();
            quarantinedByRule.clear();
        }
        if (counts.isEmpty()) {
            return;
        }
        String name = functionName != null ? functionName : function;
        try {
            MetricsLogger invocation = logger(DimensionSet.of("FunctionName", name));
            counts.forEach((metric, counter) -> invocation.putMetric(metric, counter.value(), counter.unit()));
            latencies.forEach(millis -> invocation.putMetric("ArchiveLatency", millis, Unit.MILLISECONDS));
            invocation.flush();
            for (Map.Entry<String, Long> rule : rules.entrySet()) {
                MetricsLogger quarantine = logger(DimensionSet.of("FunctionName", name, "Rule", rule.getKey()));
                quarantine.putMetric("Quarantined", rule.getValue(), Unit.COUNT);
                quarantine.flush();
            }
        } catch (RuntimeException e) {
            // Metrics must never fail the work they describe.
            LOG.warning(() -> "could not publish metrics for " + name + ": " + e.getClass().getSimpleName());
        }
    }

    private void add(String metric, Unit unit, long value) {
        counters.merge(metric, new Counter(unit, value), (a, b) -> new Counter(a.unit(), a.value() + b.value()));
    }

    /** Rules are field paths; anything else is cut so a dimension value can never carry input text. */
    static String ruleName(String rule) {
        if (rule == null || rule.isBlank()) {
            return "unknown";
        }
        String cleaned = rule.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.length() > MAX_RULE_LENGTH ? cleaned.substring(0, MAX_RULE_LENGTH) : cleaned;
    }

    private MetricsLogger logger(DimensionSet dimensions) {
        MetricsLogger logger = new MetricsLogger(new LineEnvironment(out));
        logger.setNamespace(namespace);
        logger.setDimensions(dimensions);
        return logger;
    }

    /** The library's environment reduced to a sink that hands each serialised document to {@code out}. */
    private record LineEnvironment(Consumer<String> out) implements Environment, ISink {
        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return "webcruiter-esa";
        }

        @Override
        public String getType() {
            return "AWS::Lambda::Function";
        }

        @Override
        public String getLogGroupName() {
            return "";
        }

        @Override
        public void configureContext(MetricsContext context) {
        }

        @Override
        public ISink getSink() {
            return this;
        }

        @Override
        public void accept(MetricsContext context) {
            try {
                context.serialize().forEach(out);
            } catch (Exception e) {
                // Jackson 2's checked JsonProcessingException, which the library declares.
                throw new IllegalStateException("could not serialise metrics", e);
            }
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> shutdown() {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }
}
