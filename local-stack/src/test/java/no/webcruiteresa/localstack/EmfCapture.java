package no.webcruiteresa.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics the functions publish, read back from their embedded metric format documents: the local stack's
 * functions write them to the metrics adapter's log at FINE (webcruiter-esa.metrics.sink auto, outside Lambda).
 */
final class EmfCapture implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JulCapture log = JulCapture.of("no.webcruiteresa.adapter.metrics.EmfMetrics", Level.FINE);

    /** Every document so far, parsed. */
    List<JsonNode> documents() {
        return log.messagesAt(Level.FINE).stream().map(JSON::readTree).toList();
    }

    /**
     * The sum of one metric over every document whose dimensions are exactly these (an array value counts each
     * of its values).
     */
    double sum(String metric, Map<String, String> dimensions) {
        return values(metric, dimensions).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Each value of one metric, over every document whose dimensions are exactly these. */
    List<Double> values(String metric, Map<String, String> dimensions) {
        List<Double> values = new ArrayList<>();
        for (JsonNode document : documents()) {
            JsonNode directive = document.path("_aws").path("CloudWatchMetrics").get(0);
            List<String> names = directive.path("Dimensions").get(0).valueStream().map(JsonNode::asString).toList();
            boolean matches = names.size() == dimensions.size() && dimensions.entrySet().stream()
                    .allMatch(d -> d.getValue().equals(document.path(d.getKey()).asString()));
            boolean declared = directive.path("Metrics").valueStream()
                    .anyMatch(m -> m.path("Name").asString().equals(metric));
            if (!matches || !declared) {
                continue;
            }
            JsonNode value = document.path(metric);
            if (value.isArray()) {
                value.forEach(v -> values.add(v.asDouble()));
            } else {
                values.add(value.asDouble());
            }
        }
        return values;
    }

    @Override
    public void close() {
        log.close();
    }
}
