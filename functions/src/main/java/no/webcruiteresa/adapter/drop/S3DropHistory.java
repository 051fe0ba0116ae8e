package no.webcruiteresa.adapter.drop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.webcruiteresa.application.port.DropHistory;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.InvalidDropException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The drop XMLs of the bucket, current and removed: in a versioned bucket an archived drop's removal leaves its
 * versions behind until the retention period ends (template.yaml's lifecycle rule and the retention sweep), so
 * the postings of the past year can be learnt from them. Only keys in the drop layout
 * ({@code <case number>/<document id>/<document id>.xml}) are read, never the integration's own prefixes.
 */
public final class S3DropHistory implements DropHistory {
    private static final Pattern DROP_XML = Pattern.compile("[0-9]{1,12}/([A-Za-z0-9][A-Za-z0-9_-]{0,63})/\\1\\.xml");

    private final S3Client s3;
    private final String bucket;
    private final JaxbDropParser parser;
    private final long maxXmlBytes;

    public S3DropHistory(S3Client s3, String bucket, JaxbDropParser parser, long maxXmlBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.parser = parser;
        this.maxXmlBytes = maxXmlBytes;
    }

    @Override
    public List<String> xmlKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (var page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
            page.versions().stream().map(ObjectVersion::key).filter(k -> DROP_XML.matcher(k).matches())
                    .forEach(keys::add);
        }
        return List.copyOf(keys);
    }

    @Override
    public Optional<DocumentDrop> read(String xmlKey) {
        List<ObjectVersion> versions = new ArrayList<>();
        for (var page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(xmlKey))) {
            page.versions().stream().filter(v -> v.key().equals(xmlKey)).forEach(versions::add);
        }
        versions.sort(Comparator.comparing(ObjectVersion::lastModified).reversed());
        for (ObjectVersion version : versions) {
            if (version.size() != null && version.size() > maxXmlBytes) {
                continue;
            }
            try {
                // An unversioned bucket lists its objects with the version id "null".
                String versionId = "null".equals(version.versionId()) ? null : version.versionId();
                ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(xmlKey)
                        .versionId(versionId));
                return Optional.of(parser.parse(bytes.asByteArray()));
            } catch (InvalidDropException | NoSuchKeyException e) {
                // A version that breaks the contract (or went meanwhile) tells nothing: try the one before it.
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }
}
