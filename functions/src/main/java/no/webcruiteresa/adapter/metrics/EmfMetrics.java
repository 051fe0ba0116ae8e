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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Metrics in CloudWatch's embedded metric format: one JSON document per invocation (and one per quarantine rule),
 * written as a line to standard output, which Lambda sends to CloudWatch Logs, where the metrics are extracted.
 * Counts accumulate between {@link #publish} calls; nothing is written for an invocation that recorded nothing.
 * Dimensions: FunctionName (the Lambda's own name on AWS, so every alarm can name it), and Rule for quarantines.
 */
public final class EmfMetrics implements Metrics {
    private static final Logger LOG = Logger.getLogger(EmfMetrics.class.getName());
    private static final int MAX_RULE_LENGTH = 64;
    /** The format's limit of values in one metric's array. */
    private static final int MAX_VALUES_PER_METRIC = 100;

    /** Every metric this adapter writes (template.yaml's alarms and dashboard may name only these). */
    public static final Set<String> METRIC_NAMES = Set.of("DocumentsArchived", "BytesArchived", "ArchiveLatency",
            "Quarantined", "MessagesReceived", "MessagesFailed", "Retries", "PostponeFailures", "RetentionDeleted",
            "RetentionHeld", "RetentionErrors", "DropsRedriven", "MessagesRedriven",
            "UnroutedPostings", "CaseNoticeFailures", "CasesClosed", "CaseClosesWaiting", "MissingPublicApplicantList");

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

    private enum Unit {
        COUNT("Count"), BYTES("Bytes"), MILLISECONDS("Milliseconds");

        private final String emfName;

        Unit(String emfName) {
            this.emfName = emfName;
        }
    }

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
    public synchronized void missingPublicApplicantLists(int postings) {
        add("MissingPublicApplicantList", Unit.COUNT, postings);
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
            long now = System.currentTimeMillis();
            List<Double> firstValues = latencies.subList(0, Math.min(latencies.size(), MAX_VALUES_PER_METRIC));
            out.accept(document(now, name, null, counts, firstValues));
            for (int from = MAX_VALUES_PER_METRIC; from < latencies.size(); from += MAX_VALUES_PER_METRIC) {
                out.accept(document(now, name, null, Map.of(),
                        latencies.subList(from, Math.min(latencies.size(), from + MAX_VALUES_PER_METRIC))));
            }
            rules.forEach((rule, count) -> out.accept(document(now, name, rule,
                    Map.of("Quarantined", new Counter(Unit.COUNT, count)), List.of())));
        } catch (RuntimeException e) {
            // Metrics must never fail the work they describe.
            LOG.warning(() -> "could not publish metrics for " + name + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * One embedded-metric-format document: the _aws directive names the namespace, the dimensions and each metric
     * with its unit; the dimension values and the metric values are members of the root object.
     */
    private String document(long timestamp, String function, String rule, Map<String, Counter> counts,
                            List<Double> latencies) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ObjectNode directive = json.objectNode().put("Namespace", namespace);
        ArrayNode dimensions = directive.putArray("Dimensions").addArray().add("FunctionName");
        root.put("FunctionName", function);
        if (rule != null) {
            dimensions.add("Rule");
            root.put("Rule", rule);
        }
        ArrayNode metrics = directive.putArray("Metrics");
        counts.forEach((metric, counter) -> {
            metrics.addObject().put("Name", metric).put("Unit", counter.unit().emfName);
            root.put(metric, counter.value());
        });
        if (!latencies.isEmpty()) {
            metrics.addObject().put("Name", "ArchiveLatency").put("Unit", Unit.MILLISECONDS.emfName);
            ArrayNode values = root.putArray("ArchiveLatency");
            latencies.forEach(values::add);
        }
        ObjectNode aws = json.objectNode().put("Timestamp", timestamp);
        aws.putArray("CloudWatchMetrics").add(directive);
        root.set("_aws", aws);
        return root.toString();
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
}
