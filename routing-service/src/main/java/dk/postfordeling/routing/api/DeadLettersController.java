package dk.postfordeling.routing.api;

import dk.postfordeling.platform.logging.MailLogContext;
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
 * Dead letters for ops: mail whose destination kept failing. Listing shows ids, destination and
 * cause (never content); replaying puts them back in the routing queue, where filing continues from
 * its idempotency record. {@code bin/replay-dead-letters} calls this API.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLettersController {

    private static final Logger log = LoggerFactory.getLogger(DeadLettersController.class);

    private final RoutingTasks tasks;

    DeadLettersController(RoutingTasks tasks) {
        this.tasks = tasks;
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
