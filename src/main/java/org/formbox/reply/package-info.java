/**
 * What goes back out: the automatic reply to each sender (never to automated mail, never a
 * flood), sent from the outbox after the submission is committed, and the coordinator's digest.
 */
package org.formbox.reply;
