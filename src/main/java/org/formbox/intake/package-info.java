/**
 * Mailbox to store: the raw archive, the MIME walk (nested multipart, forwarded mail, zip) and
 * the Camel bean that the intake route calls for each message.
 */
package org.formbox.intake;
