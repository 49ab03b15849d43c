/**
 * The store: submissions and their versions per enterprise, documents, field values, findings
 * and the outbox row of each reply. Owns its tables; the rest of the service goes through
 * {@link org.formbox.submission.Submissions}.
 */
package org.formbox.submission;
