package no.webcruiteresa.application.port;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Metrics kept in memory for tests: the counts of each published invocation, by function. */
public final class RecordingMetrics implements Metrics {
    /** What one invocation published. */
    public record Published(String function, Map<String, Long> counts, List<Duration> latencies,
                            Map<String, Long> quarantinedByRule) {
    }

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<Duration> latencies = new ArrayList<>();
    private final Map<String, Long> quarantinedByRule = new LinkedHashMap<>();
    private final List<Published> published = new ArrayList<>();

    @Override
    public synchronized void documentArchived(long bytes, Duration latency) {
        add("DocumentsArchived", 1);
        add("BytesArchived", bytes);
        latencies.add(latency);
    }

    @Override
    public synchronized void quarantined(String rule) {
        add("Quarantined", 1);
        quarantinedByRule.merge(rule, 1L, Long::sum);
    }

    @Override
    public synchronized void batchHandled(int messages, int failed, int retries) {
        add("MessagesReceived", messages);
        add("MessagesFailed", failed);
        add("Retries", retries);
    }

    @Override
    public synchronized void postponeFailed() {
        add("PostponeFailures", 1);
    }

    @Override
    public synchronized void retentionSwept(long deleted, long held, long errors) {
        add("RetentionDeleted", deleted);
        add("RetentionHeld", held);
        add("RetentionErrors", errors);
    }

    @Override
    public synchronized void redriven(int dropsReleased, int messagesMoved) {
        add("DropsRedriven", dropsReleased);
        add("MessagesRedriven", messagesMoved);
    }

    @Override
    public synchronized void postingUnrouted() {
        add("UnroutedPostings", 1);
    }

    @Override
    public synchronized void caseNoticeFailed() {
        add("CaseNoticeFailures", 1);
    }

    @Override
    public synchronized void caseClosed() {
        add("CasesClosed", 1);
    }

    @Override
    public synchronized void caseCloseWaiting() {
        add("CaseClosesWaiting", 1);
    }

    @Override
    public synchronized void publish(String function) {
        published.add(new Published(function, Map.copyOf(counts), List.copyOf(latencies),
                Map.copyOf(quarantinedByRule)));
        counts.clear();
        latencies.clear();
        quarantinedByRule.clear();
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    private void add(String metric, long value) {
        counts.merge(metric, value, Long::sum);
    }
}
