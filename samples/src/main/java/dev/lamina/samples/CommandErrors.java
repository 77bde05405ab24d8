package dev.lamina.samples;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the command prints when it fails. A wrong command line gets the message, a guess for a
 * mistyped option, the synopsis and a pointer to {@code --help}, as GNU tools answer, and exit code 2;
 * the full help with its list of samples would bury the message. Data or files that cannot be read or
 * written get one line and exit code 1; anything else is a bug and keeps its stack trace.
 */
final class CommandErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print(command.getHelp().fullSynopsis());
        err.printf("Try '%s --help' for more information.%n", command.getCommandName());
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        if (!(e instanceof IOException)) {
            throw e;
        }
        command.getErr().println("error: " + e.getMessage());
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }
}
