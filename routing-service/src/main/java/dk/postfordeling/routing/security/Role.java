package dk.postfordeling.routing.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in person may do. REVIEWER works the review queue and corrects auto-routed mail;
 * OPS sees throughput, backlog and accuracy (no mail content); ADMIN configures routing, handles
 * dead letters and retraining, and may do what the other two may.
 */
public enum Role {
    REVIEWER, OPS, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** A role named by an identity provider: {@code reviewer}, {@code POSTFORDELING-ADMIN} … */
    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith("POSTFORDELING-") || name.startsWith("POSTFORDELING_")) {
            name = name.substring("POSTFORDELING-".length());
        }
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
