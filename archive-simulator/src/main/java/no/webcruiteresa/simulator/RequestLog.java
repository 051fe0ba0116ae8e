package no.webcruiteresa.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every API request the simulator received, as its kind: the method and the path with object ids replaced by
 * {@code {id}}, and of the query only which field a {@code $filter} names and whether it pages. For tests that
 * count what a client asks of the server, seen from the server's side.
 */
public final class RequestLog {
    private static final Pattern ID = Pattern.compile(
            "/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final Pattern FILTERED_FIELD = Pattern.compile("\\$filter=\\s*(?:startswith\\()?(\\w+)");

    private final List<String> kinds = new CopyOnWriteArrayList<>();

    void received(String method, URI uri) {
        kinds.add(kind(method, uri));
    }

    static String kind(String method, URI uri) {
        String path = ID.matcher(uri.getPath().replaceAll("/+$", "")).replaceAll("/{id}");
        String query = uri.getQuery();
        StringBuilder kind = new StringBuilder(method).append(' ').append(path);
        if (query != null) {
            Matcher filter = FILTERED_FIELD.matcher(query);
            kind.append(filter.find() ? "?$filter=" + filter.group(1) : "?");
            if (query.contains("$skip")) {
                kind.append("&$skip");
            }
        }
        return kind.toString();
    }

    /** The kinds in the order they arrived. */
    public List<String> all() {
        return List.copyOf(kinds);
    }

    /** How many requests of each kind, sorted by kind. */
    public Map<String, Long> counts() {
        return kinds.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    public int size() {
        return kinds.size();
    }

    public void clear() {
        kinds.clear();
    }
}
