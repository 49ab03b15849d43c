/**
 * The roster (应报名单): the list of expected enterprises as the office keeps it, read from .xlsx,
 * .xls or .csv with tolerant headers, and put into the store as the set of expected files.
 */
package org.formbox.roster;
