package sdkgen.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body built part by part. */
public final class Multipart {
    private final String boundary = "sdk-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Adds a field; null leaves it out, a list adds one part per item. */
    public Multipart field(String name, Object value) {
        if (value == null) {
            return this;
        }
        com.fasterxml.jackson.databind.JsonNode node = Json.tree(value);
        if (node.isArray()) {
            node.forEach(item -> text(name, item.isValueNode() ? item.asText() : item.toString()));
        } else {
            text(name, node.isValueNode() ? node.asText() : node.toString());
        }
        return this;
    }

    /** Adds a file; null leaves it out. */
    public Multipart file(String name, FileUpload file) {
        if (file != null) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name)
                    + "\"; filename=\"" + quoted(file.filename()) + "\"\r\nContent-Type: "
                    + file.contentType() + "\r\n\r\n");
            out.writeBytes(file.content());
            write("\r\n");
        }
        return this;
    }

    /** Adds every file of a list under the same name. */
    public Multipart files(String name, Iterable<FileUpload> files) {
        if (files != null) {
            files.forEach(file -> file(name, file));
        }
        return this;
    }

    private void text(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name)
                + "\"\r\n\r\n" + value + "\r\n");
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return copy.toByteArray();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }
}
