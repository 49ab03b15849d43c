/**
 * The benchmark and the resilience suite: the packaged service started as a real process against a
 * mail server that lives outside it, driven and measured from here. None of it runs in the default
 * build; see {@code bin/benchmark}, {@code bin/resilience} and {@code docs/benchmark.md}.
 */
package org.formbox.bench;
