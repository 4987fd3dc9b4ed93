package io.backupsentinel.cli;

import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code sandbox}: the embedded AWS on its own, for the AWS CLI, boto3 or any SDK. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the embedded AWS (DynamoDB, AWS Backup, tagging, STS) on a port until stopped.")
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario file (default: the bundled demo)")
    Path scenario;

    @Option(names = "--port", paramLabel = "N", defaultValue = "4566", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        Sandbox box;
        try {
            box = Sandbox.start(scenario, port);
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            box.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        System.out.println("Sandbox AWS listening on " + box.endpoint() + " ("
                + (scenario == null ? "bundled demo scenario" : scenario) + ")");
        System.out.println("Try: AWS_ACCESS_KEY_ID=" + Sandbox.ACCESS_KEY + " AWS_SECRET_ACCESS_KEY="
                + Sandbox.SECRET_KEY + " aws --endpoint-url " + box.endpoint()
                + " --region us-east-1 dynamodb list-tables");
        stopped.await();
        return 0;
    }
}
