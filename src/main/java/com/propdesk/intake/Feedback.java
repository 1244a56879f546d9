package com.propdesk.intake;

/** The owner's feedback on a resolved case: a score from 1 (very unsatisfied) to 5, and a comment. */
public record Feedback(Integer score, String comment) {
}
