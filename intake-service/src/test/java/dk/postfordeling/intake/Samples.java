package dk.postfordeling.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample mails of {@code samples/mails}, on the test class path. */
public final class Samples {

    private Samples() {
    }

    public static byte[] mail(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/mails/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample mail " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] parkingComplaintWithPdf() {
        return mail("parking-complaint-with-pdf.eml");
    }

    public static byte[] bulkyWastePickup() {
        return mail("bulky-waste-pickup.eml");
    }
}
