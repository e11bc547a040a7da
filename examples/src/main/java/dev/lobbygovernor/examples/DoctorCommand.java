package dev.lobbygovernor.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** {@code doctor}: WIP, waiting for the probes and the classifier to land. */
final class DoctorCommand {

    private final PrintStream out;
    private final PrintStream err;

    DoctorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Arguments args) throws UsageException {
        Optional<String> csvFile = args.value("--smi-csv");
        if (csvFile.isPresent()) {
            String text = readCsv(csvFile.get());
            err.println("WIP: smi parser not merged yet (" + text.length() + " chars read)");
        }
        out.flush();
        return ExitCode.FAILED;
    }

    static String readCsv(String file) throws UsageException {
        Path path = Paths.get(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--smi-csv: cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
