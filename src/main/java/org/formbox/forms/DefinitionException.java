package org.formbox.forms;

/**
 * A call definition that cannot be used, with where and what to do: the service does not start
 * with it. The message names the file, the line and the fix.
 */
public class DefinitionException extends RuntimeException {

    /**
     * @param file    the definition's file name
     * @param line    the line in it (1-based), or 0 when the whole file is meant
     * @param problem what is wrong
     * @param fix     what to change
     */
    public DefinitionException(String file, int line, String problem, String fix) {
        super("call definition " + file + (line > 0 ? ", line " + line : "") + ": " + problem + ". Fix: " + fix);
    }
}
