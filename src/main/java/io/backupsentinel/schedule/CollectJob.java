package io.backupsentinel.schedule;

import io.backupsentinel.engine.Monitor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects facts for every rule and re-evaluates them all. Never throws: a failed run is logged once and the next trigger runs. */
@DisallowConcurrentExecution
public final class CollectJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(CollectJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        try {
            ((Monitor) context.getScheduler().getContext().get(Daemon.MONITOR)).refresh();
        } catch (SchedulerException | RuntimeException e) {
            LOG.error("collection failed; the next scheduled run will try again", e);
        }
    }
}
