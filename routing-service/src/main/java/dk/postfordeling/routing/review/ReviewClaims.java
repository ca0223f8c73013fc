package dk.postfordeling.routing.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims on review items: one person at a time works on a mail. A claim is a single conditional
 * UPDATE in PostgreSQL, so of two people who claim the same item at the same moment — on any
 * instance — exactly one gets it and the other is told who has it. Every attempt is audited.
 */
@Component
public class ReviewClaims {

    /** The result of a claim. */
    public sealed interface Claim permits Claim.Granted, Claim.Taken, Claim.Decided, Claim.Unknown {
        record Granted(UUID mailId, String reviewer) implements Claim {
        }

        record Taken(UUID mailId, String reviewer, Instant since) implements Claim {
        }

        record Decided(UUID mailId) implements Claim {
        }

        record Unknown(UUID mailId) implements Claim {
        }
    }

    private final ReviewItems items;
    private final AuditLog audit;
    private final Duration timeout;

    public ReviewClaims(ReviewItems items, AuditLog audit, ReviewProperties properties) {
        this.items = items;
        this.audit = audit;
        this.timeout = properties.claimTimeout();
    }

    /** Claims the item for the reviewer; an item the same reviewer already holds is renewed. */
    @Transactional
    public Claim claim(UUID mailId, String reviewer) {
        Claim claim;
        if (items.claim(mailId, reviewer, timeout)) {
            claim = new Claim.Granted(mailId, reviewer);
        } else {
            claim = items.holder(mailId)
                    .map(holder -> holder.status() == ReviewStatus.DONE
                            ? (Claim) new Claim.Decided(mailId)
                            : new Claim.Taken(mailId, holder.reviewer(), holder.since()))
                    .orElse(new Claim.Unknown(mailId));
        }
        audit.record(reviewer, "CLAIM", mailId, Map.of("result", claim.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)));
        return claim;
    }

    /** Gives a claimed item back to the queue; only its holder can. Returns whether it was released. */
    @Transactional
    public boolean release(UUID mailId, String reviewer) {
        boolean released = items.release(mailId, reviewer);
        if (released) {
            audit.record(reviewer, "RELEASE", mailId, Map.of());
        }
        return released;
    }
}
