package dk.postfordeling.routing.deadletter;

import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailContent;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topic;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dead letters of every stage: a record a service could not process after its retries lands on its
 * topic's {@code .dlt} companion, and here. Mail that never reached routing (intake's extraction,
 * the classifier, routing's own queueing failed) becomes a routing task that goes straight to the
 * review queue, with the stage and the cause as its reason, so a person sees it. Records of later
 * stages (retention after delivery, review notices, feedback) concern mail already in a case or in a
 * person's hands: they are listed for ops and can be replayed onto their topic.
 */
@Repository
public class PipelineDeadLetters {

    /** The label of a mail no model has seen: it has no suggestion. */
    public static final String NO_LABEL = "";

    /** Where a failure happened, by the topic the failing record was read from. */
    public enum Stage {
        EXTRACTION(Topics.MAIL_RECEIVED, "tekstudtræk (intake)", true),
        CLASSIFICATION(Topics.MAIL_EXTRACTED, "klassifikation", true),
        ROUTING_QUEUE(Topics.MAIL_CLASSIFIED, "modtagelse i fordelingen", true),
        RETENTION(Topics.MAIL_ROUTED, "sletning af originalen efter levering", false),
        REVIEW_NOTICE(Topics.MAIL_REVIEW_REQUESTED, "besked om manuel behandling", false),
        FEEDBACK(Topics.MAIL_FEEDBACK, "læring af rettelser", false),
        ERASURE(Topics.MAIL_ERASED, "sletning af postens indhold i intake", false);

        final Topic<?> topic;
        final String danish;
        final boolean toReview;

        Stage(Topic<?> topic, String danish, boolean toReview) {
            this.topic = topic;
            this.danish = danish;
            this.toReview = toReview;
        }

        public String danish() {
            return danish;
        }

        static Optional<Stage> ofDeadLetterTopic(String deadLetterTopic) {
            for (Stage stage : values()) {
                if (stage.topic.deadLetterName().equals(deadLetterTopic)) {
                    return Optional.of(stage);
                }
            }
            return Optional.empty();
        }
    }

    /** One dead letter as ops see it: ids, stage and cause, never content. */
    public record DeadLetter(long id, String topic, Stage stage, UUID mailId, String cause, boolean inReview, Instant deadAt,
            Instant replayedAt) {
    }

    /** What was recorded of a dead letter: its stage, the mail (when known) and whether it went to a person. */
    record Taken(Stage stage, UUID mailId, boolean toReview) {
    }

    /** A dead-lettered record as read from Kafka. */
    record Arrived(String deadLetterTopic, int partition, long offset, long timestamp, String key, byte[] value, String cause) {
    }

    private final JdbcClient jdbc;
    private final RoutingTasks tasks;
    private final Clock clock;

    PipelineDeadLetters(JdbcClient jdbc, RoutingTasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Records one dead letter and, for mail that never reached routing, queues it for a person — in
     * one transaction, so a crash in between neither loses it nor records it twice.
     *
     * @return what was recorded, or empty when the record had been taken before (Kafka redelivery)
     */
    @Transactional
    Optional<Taken> take(Arrived record) {
        Stage stage = Stage.ofDeadLetterTopic(record.deadLetterTopic()).orElseThrow(
                () -> new IllegalArgumentException("not a dead-letter topic of the catalogue: " + record.deadLetterTopic()));
        Optional<Object> value = read(stage.topic, record.value());
        UUID mailId = mailId(record.key(), value);
        boolean toReview = stage.toReview && mailId != null;
        int inserted = jdbc.sql("""
                insert into pipeline_dead_letter (dlt_topic, dlt_partition, dlt_offset, dlt_timestamp, topic, stage, mail_id, cause,
                    to_review, dead_at)
                values (:dlt, :partition, :offset, :timestamp, :topic, :stage, :mailId, :cause, :toReview, :at)
                on conflict (dlt_topic, dlt_partition, dlt_offset, dlt_timestamp) do nothing""")
                .param("dlt", record.deadLetterTopic()).param("partition", record.partition()).param("offset", record.offset())
                .param("timestamp", record.timestamp())
                .param("topic", stage.topic.name()).param("stage", stage.name()).param("mailId", mailId)
                .param("cause", record.cause()).param("toReview", toReview)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        if (toReview) {
            tasks.enqueue(forReview(stage, mailId, value.orElse(null), record));
        }
        return Optional.of(new Taken(stage, mailId, toReview));
    }

    /** The mail as a routing task whose only way is to a person, with what the failed record says of it. */
    private MailClassified forReview(Stage stage, UUID mailId, Object value, Arrived record) {
        String where = value == null
                ? " Hændelsen kunne ikke læses; den ligger i " + record.deadLetterTopic() + " (partition " + record.partition()
                        + ", offset " + record.offset() + ")."
                : " Originalen er gemt og kan åbnes her.";
        DecisionReason reason = new DecisionReason("PIPELINE_FAILED", "Posten kunne ikke behandles maskinelt i trinnet "
                + stage.danish + " (" + record.cause() + ")." + where + " Læs posten og fordel den.");
        MailContent content = null;
        String originalRef = "";
        dk.postfordeling.contracts.Channel channel = null;
        if (value instanceof MailReceived received) {
            originalRef = received.originalRef();
            channel = received.channel();
        } else if (value instanceof TextExtracted extracted) {
            originalRef = extracted.originalRef();
            channel = extracted.channel();
            String text = extracted.bodyText() == null ? "" : extracted.bodyText();
            boolean cut = text.length() > MAX_TEXT_CHARS;
            content = new MailContent(extracted.subject(), cut ? text.substring(0, MAX_TEXT_CHARS) : text,
                    extracted.cprNumbersFound(), cut, extracted.language());
        } else if (value instanceof MailClassified classified) {
            originalRef = classified.originalRef();
            channel = classified.channel();
            content = classified.content();
        }
        return new MailClassified(new MailId(mailId), channel, originalRef, List.of(new LabelScore(NO_LABEL, 0.0)),
                Decision.REVIEW, List.of(reason), null, null, null, clock.instant(), content);
    }

    private static final int MAX_TEXT_CHARS = 100_000;

    private static Optional<Object> read(Topic<?> topic, byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(topic.serde().deserialize(topic.name(), value));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Every record is keyed by its mail id; a record without a usable key may still name it. */
    private static UUID mailId(String key, Optional<Object> value) {
        if (key != null) {
            try {
                return UUID.fromString(key);
            } catch (IllegalArgumentException notAnId) {
                // fall through to the value
            }
        }
        return value.map(PipelineDeadLetters::mailIdOf).orElse(null);
    }

    private static UUID mailIdOf(Object value) {
        try {
            Object id = value.getClass().getMethod("mailId").invoke(value);
            return id instanceof MailId mailId ? mailId.value() : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * Where a dead letter is not finished: not replayed, or its mail still waits for a person. Shared
     * by the list and the count behind the ops page, the metric and the alert.
     */
    public static final String OPEN = " replayed_at is null and (not to_review or exists (select 1 from review_item r"
            + " where r.mail_id = pipeline_dead_letter.mail_id and r.status <> 'DONE')) ";

    /** Dead letters not finished, oldest first. */
    public List<DeadLetter> open() {
        return jdbc.sql("""
                select id, topic, stage, mail_id, cause, to_review, dead_at, replayed_at from pipeline_dead_letter
                where """ + OPEN + " order by dead_at, id")
                .query((rs, n) -> new DeadLetter(rs.getLong("id"), rs.getString("topic"), Stage.valueOf(rs.getString("stage")),
                        rs.getObject("mail_id", UUID.class), rs.getString("cause"), rs.getBoolean("to_review"),
                        rs.getTimestamp("dead_at").toInstant(), null))
                .list();
    }

    /** Where the record of a dead letter that may be replayed lies; empty for mail that went to a person. */
    Optional<Arrived> replayable(long id) {
        return jdbc.sql("""
                select dlt_topic, dlt_partition, dlt_offset, dlt_timestamp, mail_id from pipeline_dead_letter
                where id = :id and replayed_at is null and not to_review""")
                .param("id", id)
                .query((rs, n) -> new Arrived(rs.getString("dlt_topic"), rs.getInt("dlt_partition"), rs.getLong("dlt_offset"),
                        rs.getLong("dlt_timestamp"), rs.getString("mail_id"), null, null))
                .optional();
    }

    void markReplayed(long id) {
        jdbc.sql("update pipeline_dead_letter set replayed_at = :at where id = :id")
                .param("id", id).param("at", java.sql.Timestamp.from(clock.instant())).update();
    }

    /** The original topic of a dead-letter topic. */
    static String originalTopic(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - Topic.DEAD_LETTER_SUFFIX.length());
    }
}
