package no.webcruiteresa.functions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** An EventBridge scheduled event, reduced to its detail (where a manual run asks for a dry run). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(Map<String, Object> detail) {
    public ScheduledEvent {
        detail = detail == null ? Map.of() : detail;
    }
}
