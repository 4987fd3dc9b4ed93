package io.backupsentinel.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class InternalErrorTest {

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("an invariant broke");
        }
    }

    @Test
    void an_unexpected_exception_says_it_is_a_bug_keeps_the_trace_and_exits_3_never_1() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine().addSubcommand(new Boom());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("boom");

        assertThat(exit).isEqualTo(Main.INTERNAL_ERROR).isEqualTo(3);
        assertThat(err.toString()).startsWith("backup-sentinel: internal error (a bug, please report it):"
                + " java.lang.IllegalStateException: an invariant broke")
                .contains("\tat io.backupsentinel.cli.InternalErrorTest$Boom.call");
    }
}
