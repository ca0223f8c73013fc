package dk.postfordeling.routing.api;

import java.util.regex.Pattern;

/** The pseudonymous reviewer id the review API takes in {@code X-Reviewer} until the workbench's login supplies it. */
final class ReviewerIds {

    private static final Pattern REVIEWER = Pattern.compile("[A-Za-z0-9_-]{3,128}");

    private ReviewerIds() {
    }

    static boolean valid(String reviewer) {
        return reviewer != null && REVIEWER.matcher(reviewer).matches();
    }
}
