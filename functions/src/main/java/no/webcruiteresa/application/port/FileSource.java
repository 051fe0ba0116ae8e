package no.webcruiteresa.application.port;

import java.io.InputStream;

/** Opens the files of one drop for upload; callers close the stream. */
public interface FileSource {
    InputStream open(String fileName);
}
