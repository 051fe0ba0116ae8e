package no.webcruiteresa.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Noark 5 tjenestegrensesnitt subset the simulator serves, strictly, under {@code /noark5v5/}. */
final class NoarkApi implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(NoarkApi.class.getName());
    static final String BASE = "/noark5v5/";
    static final String MEDIA_TYPE = "application/vnd.noark5+json";
    private static final String REL = "https://rel.arkivverket.no/noark5/v5/api/";
    private static final Pattern FILTER = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+'((?:[^']|'')*)'\\s*$");

    private final ArchiveStore store;
    private final int pageSize;
    private final Faults faults;
    private final SimulatorAuth auth;
    private final ServerProfile profile;
    private final MetadataCatalogue catalogue;
    private final ReferenceServerQuirks quirks;
    private final java.util.Set<String> spent = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final RequestLog requests;

    /** @param auth null leaves the API open */
    NoarkApi(ArchiveStore store, int pageSize, Faults faults, SimulatorAuth auth, ServerProfile profile,
             RequestLog requests) {
        this.store = store;
        this.requests = requests;
        this.pageSize = pageSize;
        this.faults = faults;
        this.auth = auth;
        this.profile = profile;
        this.catalogue = new MetadataCatalogue(store.json(), profile);
        this.quirks = new ReferenceServerQuirks(this, store, catalogue);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // The exchange is closed after the error answer is written, not before (as a resource of this try would be).
        Optional<java.time.Duration> stall = Optional.empty();
        requests.received(exchange.getRequestMethod(), exchange.getRequestURI());
        try {
            var injected = faults.failure(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            if (injected.isPresent()) {
                exchange.getRequestBody().readAllBytes();
                if (injected.get() == Faults.ERROR_IN_OK) {
                    errorInOk(exchange, "injected query failure");
                } else {
                    error(exchange, injected.get(), "injected fault");
                }
                return;
            }
            stall = faults.stall(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            stall.ifPresent(NoarkApi::sleep);
            var random = faults.random() ? faults.randomAction(RequestKeys.of(exchange)) : Optional.<Faults.Action>empty();
            if (random.isPresent()) {
                switch (random.get()) {
                    case FAIL_503, FAIL_500 -> {
                        exchange.getRequestBody().readAllBytes();
                        error(exchange, random.get() == Faults.Action.FAIL_503 ? 503 : 500, "injected fault");
                        return;
                    }
                    default -> sleep(faults.delay(random.get()));
                }
            }
            String requested = exchange.getRequestURI().getPath();
            if (auth != null && requested.equals(BASE + ".well-known/openid-configuration")) {
                auth.discovery(exchange, origin(exchange), profile.discovery());
                return;
            }
            boolean root = requested.equals(BASE) || requested.equals(BASE.substring(0, BASE.length() - 1));
            if (auth != null && !root && !auth.authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                error(exchange, 401, "authentication required");
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null && !accept.contains(MEDIA_TYPE) && !accept.contains("*/*")) {
                error(exchange, 406, "this API produces " + MEDIA_TYPE);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            List<String> segments = path.length() <= BASE.length() ? List.of()
                    : List.of(path.substring(BASE.length()).replaceAll("/+$", "").split("/"));
            route(exchange, segments);
        } catch (Validation.Invalid e) {
            error(exchange, 400, e.getMessage());
        } catch (JacksonException e) {
            error(exchange, 400, "malformed JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator failed on " + exchange.getRequestURI().getPath(), e);
            error(exchange, 500, "internal error: " + e);
        } finally {
            // Counted whether or not the client still listens: the request has taken effect either way.
            if (stall.isPresent()) {
                faults.stallServed();
            }
            exchange.close();
        }
    }

    private static void sleep(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange, List<String> s) throws IOException {
        String method = exchange.getRequestMethod();
        if (s.isEmpty()) {
            ObjectNode root = object();
            ObjectNode links = root.putObject("_links");
            link(links, REL + "arkivstruktur/", BASE + "api/arkivstruktur/");
            link(links, REL + "sakarkiv/", BASE + "api/sakarkiv/");
            link(links, REL + "metadata/", BASE + "api/metadata/");
            if (auth != null) {
                link(links, REL + "login/oidc/", BASE + ".well-known/openid-configuration");
                if (profile.discovery()) {
                    link(links, REL + "login/rfc6749/", "/oauth2/token");
                }
            }
            respond(exchange, 200, root);
            return;
        }
        if (s.size() >= 2 && s.get(0).equals("api") && s.get(1).equals("metadata")) {
            metadata(exchange, s);
            return;
        }
        if (s.size() < 2 || !s.get(0).equals("api")) {
            error(exchange, 404, "no such resource");
            return;
        }
        String module = s.get(1);
        if (s.size() >= 4 && quirks.isAlias(s)) {
            quirks.alias(exchange, s);
            return;
        }
        if (s.size() == 2) {
            moduleRoot(exchange, module);
            return;
        }
        if (s.size() == 3 && module.equals("arkivstruktur") && s.get(2).equals("ny-arkiv")) {
            create(exchange, null, EntityTypes.ARKIV);
            return;
        }
        EntityTypes type = EntityTypes.byName(s.get(2));
        if (type == null || !type.module.equals(module)) {
            error(exchange, 404, "no such resource");
            return;
        }
        if (s.size() == 3) {
            list(exchange, store.all(type), BASE + "api/" + module + "/" + type.name);
            return;
        }
        ArchiveStore.Entity entity = store.get(s.get(3));
        if (entity == null || entity.type() != type) {
            error(exchange, 404, type.name + " " + s.get(3) + " not found");
            return;
        }
        if (s.size() == 4 && method.equals("GET")) {
            exchange.getResponseHeaders().set("ETag", etag(entity));
            respond(exchange, 200, withLinks(entity));
            return;
        }
        if (s.size() == 4 && method.equals("PUT")) {
            update(exchange, entity);
            return;
        }
        if (s.size() == 4 && method.equals("PATCH") && profile.customMetadataOnlyByPatch()) {
            exchange.getRequestBody().readAllBytes();
            boolean mergePatch = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .startsWith("application/merge-patch+json");
            error(exchange, mergePatch ? 415 : 405, mergePatch ? "unsupported media type" : "PATCH is not allowed here");
            return;
        }
        if (s.size() == 4 && method.equals("PATCH")) {
            patch(exchange, entity);
            return;
        }
        if (s.size() != 5) {
            error(exchange, 404, "no such resource");
            return;
        }
        String last = s.get(4);
        if (type == EntityTypes.DOKUMENTOBJEKT && last.equals("referanseFil")) {
            file(exchange, entity);
        } else if (type == EntityTypes.JOURNALPOST && last.equals("korrespondansepart")) {
            List<ArchiveStore.Entity> parts = new java.util.ArrayList<>(
                    store.children(entity.systemId(), EntityTypes.KORRESPONDANSEPARTPERSON));
            parts.addAll(store.children(entity.systemId(), EntityTypes.KORRESPONDANSEPARTINTERN));
            list(exchange, parts, href(entity) + "/korrespondansepart");
        } else if (last.startsWith("ny-") && profile.unimplemented().contains(last.substring(3))) {
            exchange.getRequestBody().readAllBytes();
            error(exchange, 501, last.substring(3) + " is not implemented");
        } else if (last.startsWith("ny-") && type.children.contains(last.substring(3))) {
            create(exchange, entity, EntityTypes.byName(last.substring(3)));
        } else if (type.children.contains(last)) {
            list(exchange, store.children(entity.systemId(), EntityTypes.byName(last)), href(entity) + "/" + last);
        } else {
            error(exchange, 404, "no such resource");
        }
    }

    private void moduleRoot(HttpExchange exchange, String module) throws IOException {
        ObjectNode root = object();
        ObjectNode links = root.putObject("_links");
        for (EntityTypes type : EntityTypes.values()) {
            if (type.module.equals(module)) {
                link(links, type.rel(), BASE + "api/" + module + "/" + type.name);
            }
        }
        if (links.isEmpty()) {
            error(exchange, 404, "no such API module");
            return;
        }
        if (module.equals("arkivstruktur")) {
            link(links, EntityTypes.ARKIV.newRel(), BASE + "api/arkivstruktur/ny-arkiv");
        }
        respond(exchange, 200, root);
    }

    private void create(HttpExchange exchange, ArchiveStore.Entity parent, EntityTypes type) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                ObjectNode template = object();
                if (type == EntityTypes.DOKUMENTOBJEKT) {
                    template.put("versjonsnummer", 1);
                }
                template.putObject("_links");
                respond(exchange, 200, template);
            }
            case "POST" -> {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                if (contentType == null || !contentType.startsWith(MEDIA_TYPE)) {
                    error(exchange, 415, "send " + MEDIA_TYPE);
                    return;
                }
                JsonNode body = store.json().readTree(exchange.getRequestBody().readAllBytes());
                if (profile.customMetadataOnlyByPatch()) {
                    quirks.beforeCreate(type, body);
                }
                JsonNode postcode = body.path("postadresse").isObject()
                        ? ((ObjectNode) body.get("postadresse")).remove("postnummer") : null;
                Validation.check(type, body, !profile.customMetadataOnlyByPatch());
                checkAgainstProfile(type, (ObjectNode) body);
                if (body.has("virksomhetsspesifikkeMetadata") && profile.customMetadataOnlyByPatch()) {
                    throw new Validation.Invalid(type.name + ": virksomhetsspesifikkeMetadata cannot be set when "
                            + "creating; PATCH it afterwards");
                }
                ObjectNode data = ((ObjectNode) body).deepCopy();
                if (postcode != null && !profile.renamedAddressFields()) {
                    throw new Validation.Invalid("postadresse: unknown field 'postnummer'");
                }
                if (profile.renamedAddressFields() && data.path("postadresse").isObject()) {
                    // As the reference server does: postnr dropped without a word, postnummer kept.
                    ObjectNode address = (ObjectNode) data.get("postadresse");
                    address.remove("postnr");
                    if (postcode != null) {
                        address.set("postnummer", postcode);
                    }
                }
                ArchiveStore.Entity created = store.create(type, parent == null ? null : parent.systemId(), data);
                respond(exchange, 201, withLinks(created));
            }
            default -> error(exchange, 405, "GET or POST");
        }
    }

    /** An update must name the version it changes (If-Match with the ETag of a GET), so none is lost. */
    private void update(HttpExchange exchange, ArchiveStore.Entity entity) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith(MEDIA_TYPE)) {
            error(exchange, 415, "send " + MEDIA_TYPE);
            return;
        }
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch == null) {
            error(exchange, 428, "an update needs If-Match with the object's ETag");
            return;
        }
        if (profile.updateNeedsEtagHeader() && !ifMatch.equals(exchange.getRequestHeaders().getFirst("ETag"))) {
            error(exchange, 400, "eTag is missing on this PUT: send the object's ETag in an ETag header");
            return;
        }
        JsonNode body = store.json().readTree(exchange.getRequestBody().readAllBytes());
        Validation.check(entity.type(), body, true);
        checkAgainstProfile(entity.type(), (ObjectNode) body);
        if (!store.update(entity.systemId(), ifMatch, (ObjectNode) body)) {
            error(exchange, 412, "the object changed since " + ifMatch + "; GET it again");
            return;
        }
        ArchiveStore.Entity updated = store.get(entity.systemId());
        exchange.getResponseHeaders().set("ETag", etag(updated));
        respond(exchange, 200, withLinks(updated));
    }

    /**
     * JSON Merge Patch (RFC 7396), as tjenestegrensesnitt prescribes for partial updates. If-Match is honoured
     * when sent. Custom metadata keys must be in the catalogue.
     */
    private void patch(HttpExchange exchange, ArchiveStore.Entity entity) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/merge-patch+json")) {
            error(exchange, 415, "send application/merge-patch+json");
            return;
        }
        JsonNode body = store.json().readTree(exchange.getRequestBody().readAllBytes());
        if (!body.isObject()) {
            throw new Validation.Invalid("a merge patch must be a JSON object");
        }
        ObjectNode fields = ((ObjectNode) body).deepCopy();
        JsonNode custom = fields.remove("virksomhetsspesifikkeMetadata");
        Validation.check(entity.type(), withRequired(entity, fields), true);
        checkAgainstProfile(entity.type(), fields);
        if (custom != null) {
            if (!entity.type().allowed.contains("virksomhetsspesifikkeMetadata")) {
                throw new Validation.Invalid(entity.type().name + " has no virksomhetsspesifikkeMetadata");
            }
            ObjectNode merged = entity.data().path("virksomhetsspesifikkeMetadata").isObject()
                    ? ((ObjectNode) entity.data().get("virksomhetsspesifikkeMetadata")).deepCopy()
                    : object();
            custom.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    merged.remove(e.getKey());
                } else {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            catalogue.checkCustomMetadata(merged);
            fields.set("virksomhetsspesifikkeMetadata", merged);
        }
        if (!store.update(entity.systemId(), exchange.getRequestHeaders().getFirst("If-Match"), fields)) {
            error(exchange, 412, "the object changed since " + exchange.getRequestHeaders().getFirst("If-Match"));
            return;
        }
        ArchiveStore.Entity updated = store.get(entity.systemId());
        exchange.getResponseHeaders().set("ETag", etag(updated));
        respond(exchange, 200, withLinks(updated));
    }

    /** A patch names only what changes; check it as a whole object would be checked. */
    private static ObjectNode withRequired(ArchiveStore.Entity entity, ObjectNode patch) {
        ObjectNode whole = patch.deepCopy();
        for (String field : entity.type().required) {
            if (!whole.has(field) && entity.data().has(field)) {
                whole.set(field, entity.data().get(field));
            }
        }
        return whole;
    }

    private void checkAgainstProfile(EntityTypes type, ObjectNode body) {
        for (String field : body.propertyNames()) {
            if (profile.refuses(type, field)) {
                throw new Validation.Invalid(type.name + ": field '" + field + "' is not supported");
            }
        }
        if (body.has("format")) {
            catalogue.checkFormat(body.get("format"));
        }
        if (body.has("virksomhetsspesifikkeMetadata") && !profile.customMetadataOnlyByPatch()) {
            catalogue.checkCustomMetadata(body.get("virksomhetsspesifikkeMetadata"));
        }
    }

    /** The metadata module: the catalogue of custom metadata keys and the format code list, each with ny-. */
    private void metadata(HttpExchange exchange, List<String> s) throws IOException {
        String base = BASE + "api/metadata/";
        if (s.size() == 2) {
            ObjectNode root = object();
            ObjectNode links = root.putObject("_links");
            for (String name : List.of("virksomhetsspesifikkeMetadata", "format")) {
                link(links, REL + "metadata/" + name + "/", base + name);
                link(links, REL + "metadata/ny-" + name + "/", base + "ny-" + name);
            }
            respond(exchange, 200, root);
            return;
        }
        String resource = s.get(2);
        boolean post = exchange.getRequestMethod().equals("POST");
        switch (resource) {
            case "virksomhetsspesifikkeMetadata", "format" -> {
                List<ObjectNode> members = resource.equals("format") ? catalogue.formatList() : catalogue.keyList();
                ArrayNode results = store.json().createArrayNode();
                members.forEach(results::add);
                ObjectNode answer = object();
                answer.put("count", members.size()).set("results", results);
                link(answer.putObject("_links"), "self", base + resource);
                respond(exchange, 200, answer);
            }
            case "ny-virksomhetsspesifikkeMetadata", "ny-format" -> {
                if (!post) {
                    respond(exchange, 200, object().set("_links", object()));
                    return;
                }
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                if (contentType == null || !contentType.startsWith(MEDIA_TYPE)) {
                    error(exchange, 415, "send " + MEDIA_TYPE);
                    return;
                }
                JsonNode body = store.json().readTree(exchange.getRequestBody().readAllBytes());
                respond(exchange, 201, resource.equals("ny-format") ? catalogue.registerFormat(body)
                        : catalogue.registerKey(body));
            }
            default -> error(exchange, 404, "no such metadata resource");
        }
    }

    private static String etag(ArchiveStore.Entity entity) {
        return "\"" + entity.data().path("_versjon").asInt(0) + "\"";
    }

    private void file(HttpExchange exchange, ArchiveStore.Entity objekt) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET")) {
            byte[] content = store.file(objekt.systemId());
            if (content == null) {
                error(exchange, 404, "no file uploaded");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", objekt.data().path("mimeType").asString("application/octet-stream"));
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
            return;
        }
        if (!method.equals("POST") && !method.equals("PUT")) {
            error(exchange, 405, "GET, POST or PUT");
            return;
        }
        if (store.hasFile(objekt.systemId()) || spent.contains(objekt.systemId())) {
            error(exchange, 400, "dokumentobjekt " + objekt.systemId() + " already has its file");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String expected = objekt.data().path("mimeType").asString(null);
        if (contentType == null || (expected != null && !contentType.startsWith(expected))) {
            error(exchange, 415, "the file must be sent as " + (expected == null ? "its own media type" : expected));
            return;
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) {
            error(exchange, 411, "Content-Length is required");
            return;
        }
        // Streamed to its place while hashed; a body cut short throws here and nothing is stored.
        ArchiveStore.ReceivedFile received;
        try {
            received = store.receiveFile(objekt.systemId(), exchange.getRequestBody(), Long.parseLong(declared));
        } catch (IOException e) {
            if (profile.customMetadataOnlyByPatch()) {
                spent.add(objekt.systemId());
            }
            throw e;
        }
        if (received == null) {
            if (profile.customMetadataOnlyByPatch()) {
                // The reference server keeps a cut-short upload's remains: the object takes no other file.
                spent.add(objekt.systemId());
            }
            error(exchange, 400, "the body must be exactly Content-Length bytes");
            return;
        }
        if (profile.formatsMustBeRegistered() && !ArchiveStore.looksLikeWholePdf(store.head(objekt.systemId()),
                store.tail(objekt.systemId()))) {
            // As the reference server's Tika check: refused, and the refused file stays, so the object is spent.
            error(exchange, 400, "TikaException: the upload is not a readable PDF");
            return;
        }
        String checksum = received.sha256();
        if (faults.misreportChecksum()) {
            checksum = checksum.substring(1) + (checksum.charAt(0) == '0' ? '1' : '0');
        }
        objekt.data().put("sjekksum", checksum).put("sjekksumAlgoritme", "SHA-256")
                .put("filstoerrelse", received.size())
                .put("referanseDokumentfil", href(objekt) + "/referanseFil");
        store.updated();
        respond(exchange, 200, withLinks(objekt));
    }

    private void list(HttpExchange exchange, List<ArchiveStore.Entity> all, String listHref) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        List<ArchiveStore.Entity> matching = !profile.listsInSystemIdOrder() ? all : all.stream()
                .sorted(java.util.Comparator.comparing(ArchiveStore.Entity::systemId)).toList();
        String filter = query.get("$filter");
        if (filter != null && faults.ignoreFilter()) {
            filter = null;
        }
        if (filter == null && profile.pagingNeedsFilter() && (query.containsKey("$top") || query.containsKey("$skip"))) {
            errorInOk(exchange, "$top and $skip need a $filter");
            return;
        }
        Matcher m = filter == null ? null : FILTER.matcher(filter);
        if (m != null && !m.matches() && profile.brokenNextLinks()) {
            // As the reference server does with a filter it cannot parse: the list as if unfiltered, no error.
            filter = null;
        }
        if (filter != null) {
            if (!m.matches()) {
                errorInOk(exchange, "unsupported $filter: " + filter);
                return;
            }
            String field = m.group(1);
            String value = m.group(2).replace("''", "'");
            matching = all.stream().filter(e -> e.data().path(field).isValueNode()
                    && e.data().path(field).asString().equals(value)).toList();
        }
        int top = Math.min(pageSize, intParam(query, "$top", pageSize));
        // The reference server ignores $skip without a filter.
        int skip = filter == null && profile.pagingNeedsFilter() ? 0 : intParam(query, "$skip", 0);
        ObjectNode answer = object();
        answer.put("count", matching.size());
        ArrayNode results = answer.putArray("results");
        matching.stream().skip(skip).limit(top).forEach(e -> results.add(withLinks(e)));
        ObjectNode links = answer.putObject("_links");
        link(links, "self", listHref);
        if (skip + top < matching.size() && filter == null && profile.brokenNextLinks()) {
            link(links, "next", listHref + "/&$skip=" + (skip + top));
        } else if (skip + top < matching.size()) {
            StringBuilder next = new StringBuilder(listHref).append("?$top=").append(top)
                    .append("&$skip=").append(skip + top);
            if (filter != null) {
                next.append("&$filter=").append(java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
            link(links, "next", next.toString());
        }
        respond(exchange, 200, answer);
    }

    ObjectNode withLinks(ArchiveStore.Entity entity) {
        ObjectNode out = entity.data().deepCopy();
        out.remove("_versjon");
        ObjectNode links = out.putObject("_links");
        String self = href(entity);
        link(links, "self", self);
        link(links, entity.type().rel(), self);
        for (String child : entity.type().children) {
            EntityTypes childType = EntityTypes.byName(child);
            link(links, childType.rel(), self + "/" + child);
            link(links, childType.newRel(), self + "/ny-" + child);
        }
        ArchiveStore.Entity parent = entity.parentId() == null ? null : store.get(entity.parentId());
        if (parent != null) {
            link(links, parent.type().rel(), href(parent));
            if (parent.type() == EntityTypes.JOURNALPOST) {
                link(links, REL + "arkivstruktur/registrering/", href(parent));
            }
        }
        if (entity.type() == EntityTypes.JOURNALPOST) {
            link(links, REL + "arkivstruktur/korrespondansepart/", self + "/korrespondansepart");
        }
        if (entity.type() == EntityTypes.DOKUMENTOBJEKT) {
            link(links, REL + "arkivstruktur/fil/", self + "/referanseFil");
        }
        if (profile.customMetadataOnlyByPatch()) {
            quirks.addLinks(entity, links);
        }
        return out;
    }

    static String href(ArchiveStore.Entity entity) {
        return BASE + "api/" + entity.type().module + "/" + entity.type().name + "/" + entity.systemId();
    }

    static void link(ObjectNode links, String rel, String href) {
        links.putObject(rel).put("href", href);
    }

    private ObjectNode object() {
        return store.json().createObjectNode();
    }

    void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        absolutize(exchange, body);
        byte[] bytes = store.json().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Links are served as absolute URLs on the host the client used. */
    private static void absolutize(HttpExchange exchange, JsonNode node) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        String origin = "http://" + (host != null ? host : "127.0.0.1");
        node.findParents("href").forEach(parent -> {
            String href = parent.path("href").asString();
            if (href.startsWith("/")) {
                ((ObjectNode) parent).put("href", origin + href);
            }
        });
    }

    /** As real servers do: a query error reported in an HTTP 200 body (in the shape the profile's server uses). */
    private void errorInOk(HttpExchange exchange, String message) throws IOException {
        ObjectNode error = object();
        if ("standard".equals(profile.name())) {
            error.putObject("error").put("message", message);
        } else {
            error.put("status", 400).put("message", message);
        }
        respond(exchange, 200, error);
    }

    private static String origin(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return "http://" + (host != null ? host : "127.0.0.1:" + exchange.getLocalAddress().getPort());
    }

    void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = object();
        body.put("status", status).put("message", message);
        respond(exchange, status, body);
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        try {
            return query.containsKey(name) ? Math.max(0, Integer.parseInt(query.get(name))) : fallback;
        } catch (NumberFormatException e) {
            throw new Validation.Invalid(name + " must be a whole number");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            }
        }
        return params;
    }
}
