package sdkgen.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file to upload: its bytes, its name and its media type. */
public final class FileUpload {
    private final byte[] content;
    private final String filename;
    private final String contentType;

    private FileUpload(byte[] content, String filename, String contentType) {
        this.content = content.clone();
        this.filename = filename;
        this.contentType = contentType;
    }

    /** The file at `path`, its media type guessed from its name. */
    public static FileUpload of(Path path) {
        try {
            String type = Files.probeContentType(path);
            return new FileUpload(Files.readAllBytes(path), path.getFileName().toString(),
                    type == null ? "application/octet-stream" : type);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public static FileUpload of(File file) {
        return of(file.toPath());
    }

    public static FileUpload of(byte[] content, String filename, String contentType) {
        return new FileUpload(content, filename, contentType);
    }

    public static FileUpload of(byte[] content, String filename) {
        return new FileUpload(content, filename, "application/octet-stream");
    }

    byte[] content() {
        return content.clone();
    }

    String filename() {
        return filename;
    }

    String contentType() {
        return contentType;
    }
}
