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

    /** The first link whose relation ends with {@code suffix}, whatever its namespace (servers add their own). */
    static Optional<String> findBySuffix(JsonNode resource, String suffix) {
        JsonNode links = resource.path("_links");
        if (links.isArray()) {
            for (JsonNode link : links) {
                if (link.path("rel").asString("").endsWith(suffix)) {
                    return Optional.of(link.path("href").asString());
                }
            }
            return Optional.empty();
        }
        return links.properties().stream().filter(e -> e.getKey().endsWith(suffix))
                .map(e -> e.getValue().path("href").asString()).findFirst();
    }

    /**
     * The object's own address, then every other address of the same object the server itself published as the
     * base of a sub-link ({@code …/<systemID>/<relation>}), arkivstruktur ones first. Servers that serve an object
     * under two modules accept some operations at only one of them.
     */
    static List<URI> addressesOfSameObject(JsonNode resource, URI self) {
        String systemId = resource.path("systemID").asString("");
        java.util.LinkedHashSet<String> addresses = new java.util.LinkedHashSet<>();
        addresses.add(self.toString());
        if (!systemId.isEmpty()) {
            List<String> others = new ArrayList<>();
            JsonNode links = resource.path("_links");
            List<String> hrefs = new ArrayList<>();
            if (links.isArray()) {
                links.forEach(l -> hrefs.add(l.path("href").asString("")));
            } else {
                links.properties().forEach(e -> hrefs.add(e.getValue().path("href").asString("")));
            }
            for (String href : hrefs) {
                int at = href.indexOf("/" + systemId + "/");
                if (at > 0 && href.indexOf('?') < 0) {
                    others.add(href.substring(0, at + systemId.length() + 2));
                }
            }
            others.stream().filter(a -> a.contains("/arkivstruktur/")).forEach(addresses::add);
            addresses.addAll(others);
        }
        return addresses.stream().map(URI::create).toList();
    }

    /** The members of a list answer ({@code {"count":N,"results":[...]}}). */
    static List<JsonNode> results(JsonNode list) {
        List<JsonNode> results = new ArrayList<>();
        list.path("results").forEach(results::add);
        return results;
    }
}
