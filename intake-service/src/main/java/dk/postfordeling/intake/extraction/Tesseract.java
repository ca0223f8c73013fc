package dk.postfordeling.intake.extraction;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether the Tesseract OCR program can be run here. */
final class Tesseract {

    private Tesseract() {
    }

    static boolean isInstalled() {
        try {
            Process process = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
