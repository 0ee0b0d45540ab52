package org.opendicomweb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dcmtk's command line tools as an independent oracle: {@code dcmdump} for "is this valid DICOM", {@code dcm2json}
 * for "do two files hold the same dataset", {@code dcmj2pnm} for "how should this image look". Tests call
 * {@code RequiredTools.require(Tool.DCMTK)} first.
 */
public final class Dcmtk {
    private Dcmtk() {}

    /** The outcome of one run: exit status, standard output, and the warning and error lines it logged. */
    public record Result(int exitCode, String stdout, Set<String> problems) {
        public boolean ok() {
            return exitCode == 0 && problems.stream().noneMatch(p -> p.startsWith("E:") || p.startsWith("F:"));
        }
    }

    /** {@code dcmdump} of a file; its problems name the file, so the file name is replaced by "FILE". */
    public static Result dcmdump(Path file) throws IOException {
        return withoutFileName(run(List.of("dcmdump", "+L", file.toString())), file);
    }

    /**
     * {@code dcmdump} of many files in one process, which saves loading dcmtk's dictionary once per file (most of
     * its time on small files). Its log goes to standard output, so each file's warnings and errors follow the
     * header dcmdump prints for it; a file with an error line counts as refused (exit code 1).
     */
    public static Map<Path, Result> dcmdumpEach(List<Path> files) throws IOException {
        Map<Path, Result> results = new HashMap<>();
        if (files.isEmpty()) {
            return results;
        }
        Path config = Files.createTempFile("dcmtk-log", ".cfg");
        try {
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "log4cplus.rootLogger = WARN, out",
                            "log4cplus.appender.out = log4cplus::ConsoleAppender",
                            "log4cplus.appender.out.logToStdErr = false",
                            "log4cplus.appender.out.ImmediateFlush = true",
                            "log4cplus.appender.out.layout = log4cplus::PatternLayout",
                            "log4cplus.appender.out.layout.ConversionPattern = %P: %m%n",
                            ""));
            List<String> command = new ArrayList<>(List.of("dcmdump", "-lc", config.toString(), "+F"));
            files.forEach(f -> command.add(f.toString()));
            Result all = run(command);
            Pattern header = Pattern.compile("^# dcmdump \\((\\d+)/\\d+\\): .*");
            int current = -1;
            Set<String> problems = new LinkedHashSet<>();
            for (String line : all.stdout().split("\n", -1)) {
                Matcher m = header.matcher(line);
                if (m.matches()) {
                    if (current >= 0) {
                        results.put(files.get(current), collect(problems, files.get(current)));
                    }
                    current = Integer.parseInt(m.group(1)) - 1;
                    problems = new LinkedHashSet<>();
                } else if (current >= 0 && (line.startsWith("W:") || line.startsWith("E:") || line.startsWith("F:"))) {
                    problems.add(line.strip());
                }
            }
            if (current >= 0) {
                results.put(files.get(current), collect(problems, files.get(current)));
            }
            return results;
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static Result collect(Set<String> problems, Path file) {
        boolean refused = problems.stream().anyMatch(p -> p.startsWith("E:") || p.startsWith("F:"));
        return withoutFileName(new Result(refused ? 1 : 0, "", problems), file);
    }

    /** {@code dcm2json} in compact form, infinity and NaN allowed. */
    public static Result dcm2json(Path file) throws IOException {
        return withoutFileName(run(List.of("dcm2json", "-fc", "-ee", file.toString())), file);
    }

    /**
     * {@code dcmj2pnm --write-png} of {@code file} into {@code png}, with further options (window, frame, clip);
     * the reference rendering for the rendered resources.
     */
    public static Result dcmj2pnm(Path file, Path png, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of("dcmj2pnm", "--write-png"));
        command.addAll(options);
        command.add(file.toString());
        command.add(png.toString());
        return withoutFileName(run(command), file);
    }

    /** The Transfer Syntax UID in a file's meta information as dcmdump reads it, or null when there is none. */
    public static String transferSyntax(Path file) throws IOException {
        Result r = run(List.of("dcmdump", "-Un", "+P", "0002,0010", file.toString()));
        Matcher m = Pattern.compile("\\(0002,0010\\) UI \\[([0-9.]+)\\]").matcher(r.stdout());
        return m.find() ? m.group(1) : null;
    }

    private static Result withoutFileName(Result r, Path file) {
        Set<String> problems = new LinkedHashSet<>();
        for (String p : r.problems()) {
            problems.add(p.replace(file.toString(), "FILE"));
        }
        return new Result(r.exitCode(), r.stdout(), problems);
    }

    private static Result run(List<String> command) throws IOException {
        Path err = Files.createTempFile("dcmtk", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            String stdout = new String(out, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Files.readAllLines(err, StandardCharsets.UTF_8));
            Set<String> problems = new LinkedHashSet<>();
            for (String line : lines) {
                if (line.startsWith("W:") || line.startsWith("E:") || line.startsWith("F:")) {
                    problems.add(line.strip());
                }
            }
            return new Result(p.exitValue(), stdout, problems);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
