/**
 * The outbox: every mail the service sends — the automatic reply to a submission, a staff
 * member's answer, a reminder, the coordinator's digest — is first a row here, written in the transaction of what caused
 * it, and sent after the commit by {@link org.formbox.outbox.OutboxSender} on every instance (each
 * row claimed first, so none goes out twice), retried with growing pauses while the SMTP server
 * is down. {@link org.formbox.outbox.Outbox} is the one face: queue a mail, and the sender's view
 * of the rows. What a mail of each kind says is an {@link org.formbox.outbox.OutboxMail} of the
 * feature that owns it.
 */
package org.formbox.outbox;
