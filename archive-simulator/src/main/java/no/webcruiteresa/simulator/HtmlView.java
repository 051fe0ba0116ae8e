package no.webcruiteresa.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * A read-only HTML view of the simulated archive for people, under {@code /arkiv/}: the cases, each case's
 * entries and documents (with downloads), and the public journal ({@code /arkiv/offentlig-journal}), which
 * shows only what offentleglova allows: public titles, and neither names nor documents of screened entries.
 */
final class HtmlView implements HttpHandler {
    static final String BASE = "/arkiv/";

    private final ArchiveStore store;

    HtmlView(ArchiveStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath().substring(BASE.length() - 1);
            if (path.equals("/") || path.isEmpty()) {
                page(exchange, 200, "Arkiv", cases());
            } else if (path.equals("/offentlig-journal")) {
                page(exchange, 200, "Offentlig journal", publicJournal());
            } else if (path.startsWith("/sak/") && store.get(path.substring(5)) != null) {
                ArchiveStore.Entity saksmappe = store.get(path.substring(5));
                page(exchange, 200, "Sak " + text(saksmappe, "mappeID"), caseDetail(saksmappe));
            } else if (path.startsWith("/fil/") && store.get(path.substring(5)) != null) {
                download(exchange, store.get(path.substring(5)));
            } else {
                page(exchange, 404, "Ikke funnet", "<p>Ingen slik side.</p>");
            }
        } finally {
            exchange.close();
        }
    }

    private String cases() {
        StringBuilder html = new StringBuilder("<p><a href=\"" + BASE + "offentlig-journal\">Offentlig journal</a></p>"
                + "<table><tr><th>Saksnr.</th><th>Tittel</th><th>Referanse</th><th>Enhet</th><th>Journalposter</th></tr>");
        for (ArchiveStore.Entity sak : store.all(EntityTypes.SAKSMAPPE)) {
            html.append("<tr><td><a href=\"").append(BASE).append("sak/").append(sak.systemId()).append("\">")
                    .append(escape(text(sak, "mappeID"))).append("</a></td><td>").append(escape(text(sak, "tittel")))
                    .append("</td><td>").append(escape(text(sak, "beskrivelse"))).append("</td><td>")
                    .append(escape(text(sak, "administrativEnhet"))).append("</td><td>")
                    .append(store.children(sak.systemId(), EntityTypes.JOURNALPOST).size()).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private String caseDetail(ArchiveStore.Entity sak) {
        StringBuilder html = new StringBuilder("<p>").append(escape(text(sak, "tittel"))).append(" · ")
                .append(escape(text(sak, "beskrivelse"))).append("</p>");
        for (ArchiveStore.Entity jp : store.children(sak.systemId(), EntityTypes.JOURNALPOST)) {
            html.append("<section class=\"journalpost\"><h2>").append(escape(text(jp, "registreringsID"))).append(' ')
                    .append(escape(code(jp, "journalposttype"))).append(" – ").append(escape(text(jp, "tittel")))
                    .append("</h2><p>Offentlig tittel: ").append(escape(text(jp, "offentligTittel")));
            if (jp.data().has("skjerming")) {
                html.append("<br>Skjermet: ").append(escape(jp.data().path("skjerming").path("skjermingshjemmel").asString("")));
            }
            html.append("<br>Parter: ").append(escape(String.join(", ", parties(jp)))).append("</p><ul>");
            for (ArchiveStore.Entity doc : documents(jp)) {
                html.append("<li>").append(escape(documentLine(doc)));
                for (ArchiveStore.Entity objekt : store.children(doc.systemId(), EntityTypes.DOKUMENTOBJEKT)) {
                    html.append(" <a href=\"").append(BASE).append("fil/").append(objekt.systemId()).append("\">")
                            .append(escape(text(objekt, "filnavn"))).append("</a> <code>")
                            .append(escape(text(objekt, "sjekksum"))).append("</code>");
                }
                html.append("</li>");
            }
            html.append("</ul></section>");
        }
        return html.toString();
    }

    private String publicJournal() {
        StringBuilder html = new StringBuilder("<table><tr><th>Journaldato</th><th>Nr.</th><th>Type</th>"
                + "<th>Innhold</th><th>Avsender/mottaker</th><th>Dokumenter</th></tr>");
        List<ArchiveStore.Entity> entries = store.all(EntityTypes.JOURNALPOST).stream()
                .sorted(Comparator.comparing((ArchiveStore.Entity e) -> text(e, "journaldato"))
                        .thenComparing(e -> e.data().path("journalsekvensnummer").asInt()))
                .toList();
        for (ArchiveStore.Entity jp : entries) {
            boolean screened = jp.data().has("skjerming");
            html.append("<tr class=\"entry\"><td>").append(escape(text(jp, "journaldato"))).append("</td><td>")
                    .append(escape(text(jp, "registreringsID"))).append("</td><td>")
                    .append(escape(code(jp, "journalposttype"))).append("</td><td>")
                    .append(escape(text(jp, "offentligTittel"))).append("</td><td class=\"parties\">")
                    .append(publicParties(jp))
                    .append("</td><td>");
            if (screened) {
                html.append("<em>").append(escape(jp.data().path("skjerming").path("skjermingshjemmel").asString("")))
                        .append("</em>");
            } else {
                for (ArchiveStore.Entity doc : documents(jp)) {
                    for (ArchiveStore.Entity objekt : store.children(doc.systemId(), EntityTypes.DOKUMENTOBJEKT)) {
                        html.append("<a href=\"").append(BASE).append("fil/").append(objekt.systemId()).append("\">")
                                .append(escape(text(doc, "tittel"))).append("</a> ");
                    }
                }
            }
            html.append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    /**
     * Senders and recipients as the public may see them: a name is left out where the entry's skjermingMetadata
     * screens it (NA sender, NM recipient, M all); a screened entry without skjermingMetadata shows none.
     */
    private String publicParties(ArchiveStore.Entity jp) {
        boolean screened = jp.data().has("skjerming");
        java.util.Set<String> codes = new java.util.HashSet<>(
                jp.data().path("skjerming").path("skjermingMetadata").findValuesAsString("kode"));
        List<String> shown = new java.util.ArrayList<>();
        boolean hidden = false;
        for (String party : parties(jp)) {
            String role = party.substring(0, 2);
            if (role.startsWith("I")) {
                continue;
            }
            boolean screenedName = screened && (codes.isEmpty() || codes.contains("M")
                    || (role.equals("EA") && codes.contains("NA")) || (role.equals("EM") && codes.contains("NM")));
            if (screenedName) {
                hidden = true;
            } else {
                shown.add(escape(party));
            }
        }
        if (hidden) {
            shown.add("<em>Unntatt offentlighet</em>");
        }
        return String.join(", ", shown);
    }

    private List<String> parties(ArchiveStore.Entity jp) {
        List<ArchiveStore.Entity> parts = new java.util.ArrayList<>(store.children(jp.systemId(), EntityTypes.KORRESPONDANSEPARTPERSON));
        parts.addAll(store.children(jp.systemId(), EntityTypes.KORRESPONDANSEPARTINTERN));
        return parts.stream().map(p -> code(p, "korrespondanseparttype") + " "
                + (p.data().has("navn") ? text(p, "navn") : text(p, "saksbehandler"))).toList();
    }

    private List<ArchiveStore.Entity> documents(ArchiveStore.Entity jp) {
        return store.children(jp.systemId(), EntityTypes.DOKUMENTBESKRIVELSE).stream()
                .sorted(Comparator.comparingInt(d -> d.data().path("dokumentnummer").asInt())).toList();
    }

    private static String documentLine(ArchiveStore.Entity doc) {
        return doc.data().path("dokumentnummer").asInt() + " " + code(doc, "tilknyttetRegistreringSom") + " "
                + text(doc, "tittel") + " (" + code(doc, "dokumentstatus") + ")";
    }

    private void download(HttpExchange exchange, ArchiveStore.Entity objekt) throws IOException {
        ArchiveStore.Entity journalpost = store.get(store.get(objekt.parentId()).parentId());
        byte[] content = store.file(objekt.systemId());
        if (content == null || objekt.type() != EntityTypes.DOKUMENTOBJEKT) {
            page(exchange, 404, "Ikke funnet", "<p>Ingen fil.</p>");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", objekt.data().path("mimeType").asString("application/octet-stream"));
        exchange.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + text(objekt, "filnavn") + "\"");
        exchange.getResponseHeaders().set("X-Skjermet", String.valueOf(journalpost.data().has("skjerming")));
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        String html = "<!DOCTYPE html><html lang=\"no\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " – arkivsimulator</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
                + "td:nth-child(-n+2){white-space:nowrap}code{font-size:.75em;color:#666}</style></head><body><nav><a href=\"" + BASE + "\">Saker</a> · <a href=\""
                + BASE + "offentlig-journal\">Offentlig journal</a></nav><h1>" + escape(title) + "</h1>" + body
                + "</body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String text(ArchiveStore.Entity entity, String field) {
        return entity.data().path(field).asString("");
    }

    private static String code(ArchiveStore.Entity entity, String field) {
        return entity.data().path(field).path("kode").asString("");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
