package dk.postfordeling.routing.api;

import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.routing.deadletter.DeadLetterListener;
import dk.postfordeling.routing.deadletter.PipelineDeadLetters;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters for ops: mail whose destination kept failing, and records any stage of the pipeline
 * could not process. Listing shows ids, stage or destination and cause (never content); replaying
 * puts a delivery back in the routing queue, where filing continues from its idempotency record, or
 * a later stage's record back on its topic. {@code bin/replay-dead-letters} calls this API.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLettersController {

    private static final Logger log = LoggerFactory.getLogger(DeadLettersController.class);

    private final RoutingTasks tasks;
    private final PipelineDeadLetters pipeline;
    private final DeadLetterListener replays;

    DeadLettersController(RoutingTasks tasks, PipelineDeadLetters pipeline, DeadLetterListener replays) {
        this.tasks = tasks;
        this.pipeline = pipeline;
        this.replays = replays;
    }

    /** Records a stage of the pipeline could not process, not yet replayed (mail among them is in the review queue). */
    @GetMapping("/pipeline")
    List<PipelineDeadLetters.DeadLetter> pipeline() {
        return pipeline.open();
    }

    /** Puts a later stage's record (retention, review notice, feedback) back on its topic. */
    @PostMapping("/pipeline/{id}/replay")
    Map<String, Integer> replayPipeline(@PathVariable long id) {
        boolean replayed = replays.replay(id);
        log.info("pipeline dead letter replayed id={} replayed={}", id, replayed);
        return Map.of("replayed", replayed ? 1 : 0);
    }

    @GetMapping
    List<RoutingTasks.DeadLetter> list() {
        return tasks.deadLetters();
    }

    @PostMapping("/replay")
    Map<String, Integer> replayAll() {
        int replayed = tasks.replay(null);
        log.info("dead letters replayed count={}", replayed);
        return Map.of("replayed", replayed);
    }

    @PostMapping("/{mailId}/replay")
    Map<String, Integer> replay(@PathVariable UUID mailId) {
        int replayed = tasks.replay(mailId);
        try (MailLogContext ignored = MailLogContext.open(mailId)) {
            log.info("dead letter replayed count={}", replayed);
        }
        return Map.of("replayed", replayed);
    }
}
