package dev.lamina.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
        command.getErr().println("error: " + message((IOException) e));
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    /** The file system's exceptions often carry the file alone: their kind says what went wrong. */
    private static String message(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() == null && fs.getOtherFile() == null) {
            String what = fs instanceof NoSuchFileException ? "no such file or folder"
                    : fs instanceof AccessDeniedException ? "permission denied"
                    : fs instanceof FileAlreadyExistsException ? "already exists"
                    : fs instanceof NotDirectoryException ? "not a folder"
                    : fs.getClass().getSimpleName();
            return fs.getFile() + ": " + what;
        }
        return e.getMessage();
    }
}
