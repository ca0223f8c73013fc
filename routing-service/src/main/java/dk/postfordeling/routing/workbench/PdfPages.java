package dk.postfordeling.routing.workbench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF's pages as PNG images, rendered on the server. A reviewer sees a scanned letter or a PDF
 * attachment without the browser ever opening the PDF, so none of its scripts (OpenAction,
 * form actions) can run, and a PDF built to hang a viewer hangs nothing on the reviewer's screen.
 */
public final class PdfPages {

    /** Pages shown at most; the whole file can still be downloaded. */
    public static final int MAX_PAGES = 30;
    private static final float DPI = 110;

    private PdfPages() {
    }

    /** How many pages are shown (at most {@link #MAX_PAGES}); 0 when the file cannot be read as PDF (damaged, encrypted). */
    public static int count(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Math.min(document.getNumberOfPages(), MAX_PAGES);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    /** Page {@code number} (from 1) as a PNG, or empty when there is no such page or it cannot be rendered. */
    public static Optional<byte[]> png(byte[] pdf, int number) {
        if (number < 1 || number > MAX_PAGES) {
            return Optional.empty();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (number > document.getNumberOfPages()) {
                return Optional.empty();
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(number - 1, DPI, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Optional.of(png.toByteArray());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
