package io.backupsentinel.cli;

import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.schedule.Daemon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reloads the rules without a restart, on a change of the rule files, on {@code SIGHUP} and on
 * {@code POST /-/reload}. The new set is loaded and validated completely first; only a valid set replaces the
 * running one, in one step. A bad file keeps the old set, logs every error as {@code FILE:LINE:COLUMN} and is
 * counted.
 */
final class RuleReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);
    /** Editors write a file in several steps: wait for the directory to be quiet this long. */
    private static final long QUIET_MILLIS = 500;

    /** What one reload did: the number of rules in force, or the errors that kept the old set. */
    record Outcome(boolean applied, int rules, List<String> errors, String trigger) {
    }

    private final Path source;
    private final Daemon daemon;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private WatchService watcher;
    private Thread watchThread;

    RuleReloader(Path source, Daemon daemon) {
        this.source = source;
        this.daemon = daemon;
    }

    /** Loads and, when valid, applies the rules; never throws. */
    synchronized Outcome reload(String trigger) {
        LoadResult loaded;
        try {
            loaded = RuleSource.load(source);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("reload ({}) failed (a bug): the old rules stay in force", trigger, e);
            return new Outcome(false, 0, List.of("internal error: " + e), trigger);
        }
        if (!loaded.isValid()) {
            failures.incrementAndGet();
            loaded.errorLines().forEach(line -> LOG.error("reload ({}): {}", trigger, line));
            LOG.error("reload ({}) refused: {} error(s); the old rules stay in force", trigger, loaded.errors().size());
            return new Outcome(false, 0, loaded.errorLines(), trigger);
        }
        try {
            daemon.reload(loaded.ruleSet());
        } catch (Exception e) {
            failures.incrementAndGet();
            LOG.error("reload ({}): the new rules could not be scheduled; the old ones stay in force", trigger, e);
            return new Outcome(false, 0, List.of("could not schedule the rules: " + e.getMessage()), trigger);
        }
        successes.incrementAndGet();
        LOG.info("reload ({}): {} rule(s) from {} in force", trigger, loaded.ruleSet().rules().size(), source);
        return new Outcome(true, loaded.ruleSet().rules().size(), List.of(), trigger);
    }

    long failures() {
        return failures.get();
    }

    long successes() {
        return successes.get();
    }

    /** Reloads on SIGHUP, as daemons conventionally do. */
    void onSighup() {
        try {
            Signal.handle(new Signal("HUP"), s -> new Thread(() -> reload("SIGHUP"), "reload-sighup").start());
        } catch (IllegalArgumentException e) {
            LOG.warn("SIGHUP cannot be handled on this platform: {}", e.getMessage());
        }
    }

    /** Reloads when a file in the rule directory (or the rule file) is created, changed or deleted. */
    void watch() throws IOException {
        if (source.getFileSystem() != FileSystems.getDefault()) {
            LOG.info("the rules bundled in the jar do not change: not watched");
            return;
        }
        Path dir = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        watcher = FileSystems.getDefault().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        watchThread = new Thread(this::watchLoop, "rule-watch");
        watchThread.setDaemon(true);
        watchThread.start();
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
                // Swallow the burst of events one save makes, then reload once.
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                reload("file change");
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("closing the rule watcher: {}", e.getMessage());
            }
        }
    }
}
