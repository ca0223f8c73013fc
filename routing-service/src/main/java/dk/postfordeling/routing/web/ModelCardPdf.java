package dk.postfordeling.routing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The model card as a PDF (A4), for the municipality's AI governance file and access requests: the
 * same sections as the page. Text in Liberation Sans, the font PDFBox ships, embedded so Danish
 * letters print everywhere.
 */
final class ModelCardPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float HEADING = 13;
    private static final float TITLE = 16;

    private ModelCardPdf() {
    }

    static byte[] of(ModelCardView card) throws IOException {
        try (PDDocument pdf = new PDDocument(); InputStream fontFile = ModelCardPdf.class.getResourceAsStream(FONT)) {
            if (fontFile == null) {
                throw new IOException("PDFBox's font " + FONT + " is missing");
            }
            PDFont font = PDType0Font.load(pdf, fontFile);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(card.title());
            info.setCreator("Postfordeling");
            Writer writer = new Writer(pdf, font);
            writer.line(card.title(), TITLE, 0);
            writer.space(6);
            for (ModelCardView.Section section : card.sections()) {
                writer.space(8);
                writer.line(section.heading(), HEADING, 0);
                for (String paragraph : section.paragraphs()) {
                    writer.wrapped(paragraph, 0);
                    writer.space(3);
                }
                for (ModelCardView.Row row : section.rows()) {
                    writer.wrapped(row.label() + ": " + row.value(), 12);
                }
            }
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** Lines down the page, a new page when one is full. */
    private static final class Writer {

        private final PDDocument pdf;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument pdf, PDFont font) throws IOException {
            this.pdf = pdf;
            this.font = font;
            newPage();
        }

        void space(float points) {
            y -= points;
        }

        void wrapped(String text, float indent) throws IOException {
            for (String line : lines(text, BODY, width - indent)) {
                line(line, BODY, indent);
            }
        }

        void line(String text, float size, float indent) throws IOException {
            float height = size * 1.35f;
            if (y - height < MARGIN) {
                newPage();
            }
            y -= height;
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN + indent, y);
            page.showText(text);
            page.endText();
        }

        private List<String> lines(String text, float size, float room) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > room) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private void newPage() throws IOException {
            close();
            PDPage next = new PDPage(PDRectangle.A4);
            pdf.addPage(next);
            page = new PDPageContentStream(pdf, next);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }
    }
}
