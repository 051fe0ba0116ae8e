package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds, or creates where it is missing, the structure new cases go into: arkiv → arkivdel →
 * klassifikasjonssystem → klasse. For test archives and a first setup of an empty server (the contract suite,
 * the local stack's {@code --create-structure}); a municipality's archive has its own, and the functions never
 * create structure.
 */
public final class Noark5Structure {
    private static final Logger LOG = Logger.getLogger(Noark5Structure.class.getName());
    private final Noark5Settings settings;
    private final Noark5Http http;

    public Noark5Structure(Noark5Settings settings) {
        this.settings = settings;
        this.http = new Noark5Http(settings);
    }

    /** @return the arkivdel's systemID */
    public String ensure(String archiveTitle, String archivePart, String classificationCode, String classTitle) {
        JsonNode module = http.get(Links.require(http.get(settings.root()), Relations.ARKIVSTRUKTUR));
        JsonNode arkivdel = http.findBy(Links.requireHref(module, Relations.ARKIVDEL), "tittel", archivePart)
                .orElseGet(() -> newArchivePart(module, archiveTitle, archivePart));
        List<JsonNode> systems = http.list(Links.require(arkivdel, Relations.KLASSIFIKASJONSSYSTEM));
        JsonNode system = systems.isEmpty()
                ? create(Links.require(arkivdel, Relations.ARKIVSTRUKTUR + "ny-klassifikasjonssystem/"),
                        body().put("tittel", "Arkivnøkkel"))
                : systems.get(0);
        Optional<JsonNode> klasse = http.findBy(Links.requireHref(system, Relations.KLASSE), "klasseID", classificationCode);
        if (klasse.isEmpty()) {
            create(Links.require(system, Relations.ARKIVSTRUKTUR + "ny-klasse/"),
                    body().put("klasseID", classificationCode).put("tittel", classTitle));
        }
        return arkivdel.path("systemID").asString();
    }

    private JsonNode newArchivePart(JsonNode module, String archiveTitle, String archivePart) {
        JsonNode arkiv = http.findBy(Links.requireHref(module, Relations.ARKIVSTRUKTUR + "arkiv/"), "tittel", archiveTitle)
                .orElseGet(() -> create(Links.require(module, Relations.ARKIVSTRUKTUR + "ny-arkiv/"),
                        body().put("tittel", archiveTitle)));
        ObjectNode part = body().put("tittel", archivePart);
        part.putObject("arkivdelstatus").put("kode", "A").put("kodenavn", "Aktiv periode");
        return create(Links.require(arkiv, Relations.ARKIVSTRUKTUR + "ny-arkivdel/"), part);
    }

    private JsonNode create(URI link, ObjectNode body) {
        JsonNode created = http.post(link, body);
        LOG.info(() -> "created " + link.getPath().replaceAll(".*/ny-", "").replace("/", "") + " "
                + created.path("systemID").asString());
        return created;
    }

    private ObjectNode body() {
        return http.json().createObjectNode();
    }
}
