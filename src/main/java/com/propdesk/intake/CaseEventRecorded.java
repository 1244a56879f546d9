package com.propdesk.intake;

/**
 * Published, in the transaction that wrote it, for every line added to a case's timeline, with the message
 * as stored; the audit trail chains it in that same transaction.
 */
public record CaseEventRecorded(String caseNo, CaseEvent event) {
}
