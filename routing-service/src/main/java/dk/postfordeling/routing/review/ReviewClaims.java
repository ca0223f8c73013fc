package dk.postfordeling.routing.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Duration timeout;

    public ReviewClaims(JdbcClient jdbc, AuditLog audit, @Value("${postfordeling.routing.claim-timeout:PT30M}") Duration timeout) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.timeout = timeout;
    }

    /** Claims the item for the reviewer; an item the same reviewer already holds is renewed. */
    @Transactional
    public Claim claim(UUID mailId, String reviewer) {
        int granted = jdbc.sql("""
                update review_item set status = 'CLAIMED', claimed_by = :reviewer, claimed_at = now()
                where mail_id = :id and (status = 'OPEN'
                    or (status = 'CLAIMED' and (claimed_by = :reviewer or claimed_at < now() - cast(:timeout as interval))))""")
                .param("id", mailId).param("reviewer", reviewer).param("timeout", timeout.toSeconds() + " seconds")
                .update();
        Claim claim;
        if (granted == 1) {
            claim = new Claim.Granted(mailId, reviewer);
        } else {
            Optional<Claim> current = jdbc.sql("select status, claimed_by, claimed_at from review_item where mail_id = :id")
                    .param("id", mailId)
                    .query((rs, n) -> "DONE".equals(rs.getString("status"))
                            ? (Claim) new Claim.Decided(mailId)
                            : new Claim.Taken(mailId, rs.getString("claimed_by"), rs.getTimestamp("claimed_at").toInstant()))
                    .optional();
            claim = current.orElse(new Claim.Unknown(mailId));
        }
        audit.record(reviewer, "CLAIM", mailId, Map.of("result", claim.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)));
        return claim;
    }

    /** Gives a claimed item back to the queue; only its holder can. Returns whether it was released. */
    @Transactional
    public boolean release(UUID mailId, String reviewer) {
        int released = jdbc.sql("""
                update review_item set status = 'OPEN', claimed_by = null, claimed_at = null
                where mail_id = :id and status = 'CLAIMED' and claimed_by = :reviewer""")
                .param("id", mailId).param("reviewer", reviewer).update();
        if (released == 1) {
            audit.record(reviewer, "RELEASE", mailId, Map.of());
        }
        return released == 1;
    }
}
