package dk.postfordeling.routing.destination;

/** How an original is named when it is filed: PDF (scanned letters) or e-mail (everything intake receives as mail). */
public final class OriginalFile {

    private OriginalFile() {
    }

    /** {@code .pdf} for a PDF, else {@code .eml}. */
    public static String extension(byte[] original) {
        return original.length > 4 && original[0] == '%' && original[1] == 'P' && original[2] == 'D' && original[3] == 'F'
                ? ".pdf" : ".eml";
    }
}
