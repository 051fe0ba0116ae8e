package no.webcruiteresa.fiksarkiv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport.Reply;

/**
 * The local transport's wire form for the answers to one message: a zip with one entry per answer, named
 * {@code <seq>/<answer id>/<message type>}, holding its payload (empty for mottatt). Not part of Fiks IO.
 */
public final class ReplyBundle {
    private static final int MAX_PAYLOAD = 16 << 20;

    private ReplyBundle() {
    }

    public static byte[] write(UUID inReplyTo, List<Reply> replies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            int sequence = 0;
            for (Reply reply : replies) {
                zip.putNextEntry(new ZipEntry(sequence++ + "/" + reply.id() + "/" + reply.type()));
                if (reply.payload() != null) {
                    zip.write(reply.payload());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static List<Reply> read(UUID inReplyTo, InputStream in) throws IOException {
        List<Reply> replies = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String[] parts = entry.getName().split("/", 3);
            if (parts.length != 3) {
                throw new InvalidMessageException("reply bundle entry without sequence, id and type", null);
            }
            byte[] payload = zip.readNBytes(MAX_PAYLOAD);
            replies.add(new Reply(UUID.fromString(parts[1]), parts[2], inReplyTo,
                    payload.length == 0 && MessageTypes.payloadFile(parts[2]) == null ? null : payload));
        }
        return replies;
    }
}
