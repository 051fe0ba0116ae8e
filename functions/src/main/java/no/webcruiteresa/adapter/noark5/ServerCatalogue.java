package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the client needs from the server's metadata module, learnt once per instance: that our custom metadata
 * keys are in its catalogue (registering them through ny-virksomhetsspesifikkeMetadata where offered), and a
 * format code it knows for our files (registering ours through ny-format, or taking the closest it has).
 */
final class ServerCatalogue {
    private static final Logger LOG = Logger.getLogger(ServerCatalogue.class.getName());

    /** The format sent, and the real one for the record when they differ. */
    record FileFormat(String code, String name, String note) {
    }

    private final Noark5Http http;
    private final ObjectMapper json;
    private final Noark5Settings settings;
    private final Supplier<JsonNode> root;
    private final java.util.Set<String> registered = new java.util.HashSet<>();
    private Boolean customMetadata;
    private FileFormat format;

    ServerCatalogue(Noark5Http http, Noark5Settings settings, Supplier<JsonNode> root) {
        this.http = http;
        this.json = http.json();
        this.settings = settings;
        this.root = root;
    }

    /** Whether custom metadata can be written: every key is in the server's catalogue (registered now if need be). */
    synchronized boolean customMetadataReady(Collection<String> keys) {
        if (Boolean.FALSE.equals(customMetadata)) {
            return false;
        }
        if (registered.containsAll(keys)) {
            return true;
        }
        Optional<JsonNode> module = module();
        Optional<String> list = module.flatMap(m -> Links.find(m, Relations.CUSTOM_METADATA));
        if (list.isEmpty()) {
            return refuseCustomMetadata("the archive publishes no metadata catalogue (virksomhetsspesifikkeMetadata)");
        }
        try {
            registered.addAll(known(list.get()));
            List<String> missing = keys.stream().filter(k -> !registered.contains(k)).toList();
            Optional<String> register = module.flatMap(m -> Links.find(m, Relations.NY_CUSTOM_METADATA));
            if (!missing.isEmpty() && register.isEmpty()) {
                return refuseCustomMetadata("keys " + missing + " are not in the archive's catalogue, which offers no "
                        + "ny-virksomhetsspesifikkeMetadata");
            }
            for (String key : missing) {
                http.post(URI.create(register.get()), json.createObjectNode().put("navn", key).put("type", "string")
                        .put("beskrivelse", "WebCruiter integration (webcruiter-esa): " + key));
                registered.add(key);
            }
            customMetadata = true;
            if (!missing.isEmpty()) {
                LOG.info(() -> "registered " + missing.size() + " custom metadata keys in the archive's catalogue");
            }
            return true;
        } catch (ArchiveRejectedException e) {
            return refuseCustomMetadata("the archive refused to register them: " + e.getMessage());
        }
    }

    /** After a server refused custom metadata on an object: stop sending it, and say so once. */
    synchronized boolean refuseCustomMetadata(String why) {
        if (customMetadata == null || customMetadata) {
            LOG.warning("custom metadata (ESA's local values) will not be sent to this archive: " + why
                    + "; entries and documents are archived without them");
        }
        customMetadata = false;
        return false;
    }

    /** The catalogue's keys: filtered by our namespace where the server can, otherwise the whole list. */
    private List<String> known(String list) {
        List<JsonNode> keys;
        try {
            keys = http.list(URI.create(list));
        } catch (ArchiveRejectedException e) {
            String prefix = settings.compatibility().customMetadataPrefix();
            keys = http.list(URI.create(list + (list.contains("?") ? "&" : "?") + "$filter="
                    + java.net.URLEncoder.encode("startswith(navn,'" + prefix + "')",
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        }
        return keys.stream().map(k -> k.path("navn").asString("")).toList();
    }

    synchronized FileFormat fileFormat() {
        if (format == null) {
            format = resolveFormat();
        }
        return format;
    }

    private FileFormat resolveFormat() {
        String code = settings.fileFormat();
        String name = settings.fileFormatName();
        FileFormat configured = new FileFormat(code, name, null);
        Optional<JsonNode> module = module();
        Optional<String> list = module.flatMap(m -> Links.find(m, Relations.FORMAT));
        if (list.isEmpty()) {
            return configured;
        }
        List<JsonNode> known = knownFormats(list.get(), code);
        Optional<JsonNode> exact = known.stream().filter(f -> code.equals(f.path("kode").asString())).findFirst();
        if (exact.isPresent()) {
            return new FileFormat(code, exact.get().path("kodenavn").asString(name), null);
        }
        Optional<String> register = module.flatMap(m -> Links.find(m, Relations.NY_FORMAT));
        if (register.isPresent()) {
            try {
                http.post(URI.create(register.get()), json.createObjectNode().put("kode", code).put("kodenavn", name));
                LOG.info(() -> "registered format " + code + " in the archive's format list");
                return configured;
            } catch (ArchiveRejectedException e) {
                LOG.warning("the archive refused to register format " + code + ": " + e.getMessage());
            }
        }
        String note = "Filformat " + code + " (" + name + ")";
        Optional<JsonNode> closest = known.stream()
                .filter(f -> f.path("kodenavn").asString("").startsWith(name.split(" ")[0])).findFirst();
        if (closest.isEmpty()) {
            LOG.warning("the archive knows no format like " + code + " and cannot register it; sending it anyway");
            return configured;
        }
        FileFormat fallback = new FileFormat(closest.get().path("kode").asString(),
                closest.get().path("kodenavn").asString(), note);
        LOG.warning("the archive lacks format " + code + "; files are registered as " + fallback.code()
                + " with the real format in the document's description");
        return fallback;
    }

    /** The format list, filtered to our code where the server can, otherwise as much of it as can be read. */
    private List<JsonNode> knownFormats(String list, String code) {
        List<JsonNode> known = new ArrayList<>();
        try {
            known.addAll(http.list(Noark5Http.filtered(list, "kode", code)));
            if (!known.isEmpty()) {
                return known;
            }
        } catch (ArchiveRejectedException e) {
            // Not every server filters code lists; read the whole list instead.
        }
        try {
            known.addAll(http.list(URI.create(list)));
        } catch (ArchiveRejectedException e) {
            LOG.warning("cannot read the archive's format list: " + e.getMessage());
        }
        return known;
    }

    /** Read once: its links do not change while the server runs. Callers hold this object's lock. */
    private Optional<JsonNode> module() {
        if (module == null) {
            module = Links.find(root.get(), Relations.METADATA).map(href -> http.get(URI.create(href)));
        }
        return module;
    }

    private Optional<JsonNode> module;
}
