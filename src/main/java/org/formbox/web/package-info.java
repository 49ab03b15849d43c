/** Staff pages and the JSON API. */
package org.formbox.web;
