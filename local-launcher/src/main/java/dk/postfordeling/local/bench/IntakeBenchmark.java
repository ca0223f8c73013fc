package dk.postfordeling.local.bench;

import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.local.PipelineServices;
import dk.postfordeling.local.ServiceProcess;
import dk.postfordeling.local.StandaloneKafkaAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Measures intake on this machine: a real Kafka broker and the intake jar as in local mode, mails
 * uploaded over HTTP by concurrent clients, latency from the start of the upload until intake has
 * published the mail's {@code TextExtracted}. Prints one line per scenario and, last, one JSON object.
 *
 * <p>Scenarios: (a) 2 KB plain e-mails, (b) an e-mail with a 1 MB text-layer PDF, (c) a one-page
 * scanned PDF (OCR). Every mail is unique, so nothing is deduplicated away.
 */
public final class IntakeBenchmark {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("postfordeling.root", ".")).toAbsolutePath().normalize();
        int plain = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int pdfs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int scans = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path work = Files.createTempDirectory("intake-bench");
        int kafkaPort = Latencies.freePort();
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            processes.add(StandaloneKafkaAccess.start(work.resolve("kafka"), kafkaPort, Latencies.freePort(), work.resolve("logs")));
            PipelineServices.Wiring wiring = new PipelineServices.Wiring(root, "localhost:" + kafkaPort, "", "", "", "", 0,
                    work.resolve("blobs"), work.resolve("models"), work.resolve("djl"), Latencies.freePort(), 0, 0);
            processes.add(PipelineServices.startIntake(wiring, work.resolve("logs"), "intake", "--postfordeling.kafka.partitions=3"));
            int intakePort = wiring.intakePort();
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap of the load generator");
            byte[] onePage = Files.readAllBytes(root.resolve("intake-service/src/test/resources/documents/scanned-letter.pdf"));
            byte[] bigPdf = textPdf(1_000_000);
            // A warm-up long enough for the JIT to settle: with 1,000 mails, (a) varied from 250 to 360 mails/s.
            ServiceProcess broker = processes.get(0);
            ServiceProcess intake = processes.get(1);
            cpu = () -> {
                Map<String, Double> seconds = new LinkedHashMap<>();
                seconds.put("intake", intake.cpuTime().toMillis() / 1000.0);
                seconds.put("broker", broker.cpuTime().toMillis() / 1000.0);
                seconds.put("loadGenerator", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0);
                return seconds;
            };
            run("warm-up", intakePort, "localhost:" + kafkaPort, 3000, 8, i -> plainMail(i, "warm"), "eml");
            results.put("a_plain2kbMails", run("(a) 2 KB plain e-mails", intakePort, "localhost:" + kafkaPort, plain, 8,
                    i -> plainMail(i, "a"), "eml"));
            results.put("b_mailWith1MbPdf", run("(b) e-mail with 1 MB text-layer PDF", intakePort, "localhost:" + kafkaPort, pdfs, 4,
                    i -> mailWithPdf(i, bigPdf), "eml"));
            // One page at a time: the next is sent when the previous is done, so latency is the time per page.
            results.put("c_scannedPage", run("(c) one-page scanned PDF, one at a time", intakePort, "localhost:" + kafkaPort, scans, 0,
                    i -> variant(onePage, i), "pdf"));
            System.out.println(MailJson.mapper().writeValueAsString(results));
        } finally {
            java.util.Collections.reverse(processes);
            processes.forEach(p -> p.stop(Duration.ofSeconds(20)));
        }
    }

    /** CPU seconds used so far per process of the benchmark. */
    private static java.util.function.Supplier<Map<String, Double>> cpu = Map::of;

    private static Map<String, Object> run(String name, int intakePort, String kafka, int count, int clients,
            java.util.function.IntFunction<byte[]> mail, String extension) throws Exception {
        List<byte[]> mails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mails.add(mail.apply(i));
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> doneAt = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(kafka, doneAt, listening), "bench-consumer");
        consumer.start();
        boolean oneAtATime = clients == 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, clients));
        List<KeepAliveUploader> connections = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<KeepAliveUploader> uploader = ThreadLocal.withInitial(() -> {
            KeepAliveUploader connection = new KeepAliveUploader("localhost", intakePort);
            connections.add(connection);
            return connection;
        });
        Map<String, Double> cpuBefore = cpu.get();
        long start = System.nanoTime();
        List<Future<?>> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] content = mails.get(i);
            int n = i;
            uploads.add(pool.submit(() -> {
                long t = System.nanoTime();
                String id = uploader.get().upload(content, "mail-" + n + "." + extension);
                sentAt.putIfAbsent(id, t);
                while (oneAtATime && !doneAt.containsKey(id)) {
                    Thread.sleep(5);
                }
                return null;
            }));
        }
        for (Future<?> upload : uploads) {
            upload.get();
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (KeepAliveUploader connection : connections) {
            connection.close();
        }
        Latencies.awaitDone(sentAt, doneAt, Duration.ofMinutes(5));
        Map<String, Double> cpuAfter = cpu.get();
        listening.set(false);
        consumer.join();
        Latencies latencies = Latencies.of(sentAt, doneAt, start);
        double seconds = latencies.seconds(start);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mails", count);
        figures.put("completed", latencies.completed());
        figures.put("clients", oneAtATime ? "1, one at a time" : clients);
        figures.put("mailsPerSecond", Math.round(latencies.completed() / seconds * 10) / 10.0);
        figures.put("acceptedPerSecond", Math.round(count / uploadSeconds * 10) / 10.0);
        figures.put("p50Ms", latencies.percentile(0.50));
        figures.put("p99Ms", latencies.percentile(0.99));
        figures.put("bytesPerMail", mails.get(0).length);
        Map<String, Double> cpuSeconds = Latencies.cpuUsed(cpuBefore, cpuAfter);
        figures.put("cpuSeconds", cpuSeconds);
        figures.put("wallSeconds", Math.round(seconds * 10) / 10.0);
        System.out.println(name + ": " + figures);
        return figures;
    }

    private static void consume(String kafka, Map<String, Long> doneAt, AtomicBoolean listening) {
        try (KafkaConsumer<String, TextExtracted> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 20_000_000),
                new StringDeserializer(), Topics.MAIL_EXTRACTED.serde())) {
            consumer.subscribe(List.of(Topics.MAIL_EXTRACTED.name()));
            while (listening.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> doneAt.putIfAbsent(r.key(), System.nanoTime()));
            }
        }
    }

    /** A ~2 KB plain Danish e-mail, unique per number. */
    static byte[] plainMail(int n, String run) {
        StringBuilder body = new StringBuilder("Kære kommune\r\n\r\nVores storskrald blev ikke afhentet i tirsdags, selvom det stod ved vejen som aftalt. ");
        while (body.length() < 1800) {
            body.append("Kan I sende skraldebilen forbi igen, så affaldet bliver hentet? Der står en sofa og noget pap. ");
        }
        body.append("\r\n\r\nVenlig hilsen\r\nBorger nr. ").append(run).append('-').append(n).append("\r\n");
        String mail = "From: borger" + n + "@example.org\r\nTo: kommune@kommune.example\r\nSubject: Storskrald " + n
                + "\r\nMessage-ID: <" + run + "." + n + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body;
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] mailWithPdf(int n, byte[] pdf) {
        String boundary = "b-" + n;
        String mail = "From: borger" + n + "@example.org\r\nTo: kommune@kommune.example\r\nSubject: Bilag " + n
                + "\r\nMessage-ID: <pdf." + n + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\""
                + boundary + "\"\r\n\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSe vedhæftede ansøgning.\r\n--"
                + boundary + "\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"ansoegning.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n--" + boundary + "--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    /** The same document with a unique marker in its metadata, so each upload is its own mail. */
    static byte[] variant(byte[] pdf, int n) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentInformation().setCustomMetadataValue("BatchItem", Integer.toString(n));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF with a text layer of about the given size in bytes. */
    static byte[] textPdf(int targetBytes) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int page = 0;
            do {
                PDPage p = new PDPage();
                document.addPage(p);
                try (PDPageContentStream text = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, false)) {
                    text.beginText();
                    text.setFont(font, 9);
                    text.setLeading(11);
                    text.newLineAtOffset(40, 750);
                    for (int line = 0; line < 64; line++) {
                        text.showText("Side " + page + " linje " + line + ": ansøgning om byggetilladelse til tilbygning, tegninger og beregninger vedlagt.");
                        text.newLine();
                    }
                    text.endText();
                }
                page++;
                if (page % 20 == 0) {
                    out.reset();
                    document.save(out);
                }
            } while (out.size() < targetBytes);
            return out.toByteArray();
        }
    }
}
