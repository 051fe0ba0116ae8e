package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads HATEOAS links, in either shape servers use: an object keyed by relation, or an array of {rel, href}. */
final class Links {
    private Links() {
    }

    static Optional<String> find(JsonNode resource, String rel) {
        JsonNode links = resource.path("_links");
        if (links.isArray()) {
            for (JsonNode link : links) {
                if (rel.equals(link.path("rel").asString(""))) {
                    return Optional.of(link.path("href").asString());
                }
            }
            return Optional.empty();
        }
        JsonNode link = links.path(rel);
        return link.isMissingNode() ? Optional.empty() : Optional.of(link.path("href").asString());
    }

    static URI require(JsonNode resource, String rel) {
        return URI.create(find(resource, rel).orElseThrow(() -> new IllegalStateException(
                "the archive offers no link '" + rel + "' on " + find(resource, Relations.SELF).orElse("the root"))));
    }

    static String requireHref(JsonNode resource, String rel) {
        return require(resource, rel).toString();
    }

    /** The members of a list answer ({@code {"count":N,"results":[...]}}). */
    static List<JsonNode> results(JsonNode list) {
        List<JsonNode> results = new ArrayList<>();
        list.path("results").forEach(results::add);
        return results;
    }
}
