package io.backupsentinel.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code DATA_DIR/history.lock}, held while a daemon writes the embedded history, so a
 * second daemon started on the same data directory fails at start instead of interleaving its writes. The
 * operating system releases it when the process dies, so a crash never leaves a stale lock.
 */
final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new StoreException("data directory " + dataDir + " is not a directory");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dataDir + ": " + reason(e), e, false);
        }
        if (!Files.isWritable(dataDir)) {
            throw new StoreException("data directory " + dataDir + " is not writable by this user");
        }
        Path file = dataDir.resolve(StoreSettings.LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("data directory " + dataDir + " is not writable: " + reason(e), e, false);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + file + ": " + reason(e), e, false);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new StoreException("data directory " + dataDir + " is in use by another running backup-sentinel"
                    + " (it holds " + file + "): stop that daemon or give this one another daemon.data_dir");
        }
        return new DataDirLock(channel, lock);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String msg = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (msg == null ? "" : " " + msg);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was locked through it.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(channel);
    }
}
