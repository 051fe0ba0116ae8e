package no.webcruiteresa.fiksarkiv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An unsigned ASiC-E container (ETSI EN 319 162-1): a zip whose first entry is {@code mimetype}, stored
 * uncompressed and holding {@code application/vnd.etsi.asic-e+zip}, then {@code META-INF/manifest.xml} (the
 * OpenDocument manifest listing every file with its media type), then the files. Written and read as streams, so a
 * file of any size passes through without being held in memory. Fiks IO signs and encrypts the container itself;
 * that is the transport's business, not this class's.
 */
public final class Asice {
    public static final String MIME_TYPE = "application/vnd.etsi.asic-e+zip";
    static final String MIMETYPE_ENTRY = "mimetype";
    static final String MANIFEST_ENTRY = "META-INF/manifest.xml";
    private static final String MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    private static final Pattern FILE_ENTRY = Pattern.compile(
            "<manifest:file-entry manifest:full-path=\"([^\"]+)\" manifest:media-type=\"([^\"]+)\"/>");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    /** One file in the container; {@code content} is opened once, while the container is written. */
    public record Entry(String name, String mediaType, Content content) {
        public Entry {
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("package file names are plain ASCII: " + name.length() + " chars");
            }
        }
    }

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** Called for each file of a container read; the stream ends with the file and must not be closed. */
    @FunctionalInterface
    public interface EntryReader {
        void read(String name, String mediaType, InputStream content) throws IOException;
    }

    private Asice() {
    }

    public static void write(OutputStream out, List<Entry> entries) throws IOException {
        Set<String> names = new HashSet<>();
        for (Entry entry : entries) {
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException("two package files share a name");
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        byte[] mimetype = MIME_TYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry first = new ZipEntry(MIMETYPE_ENTRY);
        first.setMethod(ZipEntry.STORED);
        first.setSize(mimetype.length);
        first.setCompressedSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        first.setCrc(crc.getValue());
        zip.putNextEntry(first);
        zip.write(mimetype);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
        zip.write(manifest(entries));
        zip.closeEntry();
        for (Entry entry : entries) {
            zip.putNextEntry(new ZipEntry(entry.name()));
            try (InputStream in = entry.content().open()) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Reads a container, refusing one whose first entry is not the stored mimetype or whose files the manifest does not list. */
    public static void read(InputStream in, EntryReader reader) throws IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        ZipEntry first = zip.getNextEntry();
        if (first == null || !first.getName().equals(MIMETYPE_ENTRY) || first.getMethod() != ZipEntry.STORED
                || !new String(zip.readNBytes(100), StandardCharsets.US_ASCII).equals(MIME_TYPE)) {
            throw new InvalidMessageException("not an ASiC-E container: mimetype is not the first, stored entry", null);
        }
        ZipEntry second = zip.getNextEntry();
        if (second == null || !second.getName().equals(MANIFEST_ENTRY)) {
            throw new InvalidMessageException("ASiC-E container without META-INF/manifest.xml second", null);
        }
        List<String[]> listed = parseManifest(zip.readNBytes(1 << 20));
        Set<String> seen = new HashSet<>();
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = entry.getName();
            String[] listing = listed.stream().filter(l -> l[0].equals(name)).findFirst().orElseThrow(() ->
                    new InvalidMessageException("a package file the manifest does not list", null));
            if (!seen.add(name)) {
                throw new InvalidMessageException("a package file appears twice", null);
            }
            reader.read(name, listing[1], new UnclosableInput(zip));
        }
        if (seen.size() != listed.size()) {
            throw new InvalidMessageException("the manifest lists " + listed.size() + " files, the package holds "
                    + seen.size(), null);
        }
    }

    private static byte[] manifest(List<Entry> entries) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<manifest:manifest xmlns:manifest=\"").append(MANIFEST_NS).append("\">\n")
                .append("<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"").append(MIME_TYPE)
                .append("\"/>\n");
        for (Entry entry : entries) {
            xml.append("<manifest:file-entry manifest:full-path=\"").append(entry.name())
                    .append("\" manifest:media-type=\"").append(escape(entry.mediaType())).append("\"/>\n");
        }
        return xml.append("</manifest:manifest>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Our own manifest's shape only: no XML parser, so nothing in it can reach a DTD or an entity. */
    private static List<String[]> parseManifest(byte[] manifest) {
        String xml = new String(manifest, StandardCharsets.UTF_8);
        if (xml.contains("<!")) {
            throw new InvalidMessageException("manifest with a DOCTYPE or entity", null);
        }
        List<String[]> listed = new ArrayList<>();
        Matcher matcher = FILE_ENTRY.matcher(xml);
        while (matcher.find()) {
            if (!matcher.group(1).equals("/")) {
                listed.add(new String[] {matcher.group(1), matcher.group(2).replace("&amp;", "&")});
            }
        }
        return listed;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /** Lets a reader consume one entry without closing the whole zip. */
    private static final class UnclosableInput extends java.io.FilterInputStream {
        UnclosableInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /** A whole small container in memory (replies, tests). */
    public static byte[] toBytes(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, entries);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
