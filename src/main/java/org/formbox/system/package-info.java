/** Configuration, security and the embedded mail server. */
package org.formbox.system;
