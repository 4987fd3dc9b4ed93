package io.backupsentinel.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every job of the daemon: the job data names the task (a rule fired, an account-region's collection, the
 * deadline, the re-check, the periodic evaluation) and its argument. Quartz never runs two firings of the same
 * job at once, so one account-region's collections never overlap while other account-regions run in parallel.
 * A job never throws: a failure is logged once and the next trigger runs.
 */
@DisallowConcurrentExecution
public final class DaemonJob implements Job {
    static final String TASK = "task";
    static final String ARG = "arg";
    private static final Logger LOG = LoggerFactory.getLogger(DaemonJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        String task = context.getMergedJobDataMap().getString(TASK);
        String arg = context.getMergedJobDataMap().getString(ARG);
        try {
            ((Daemon) context.getScheduler().getContext().get(Daemon.CONTEXT_KEY)).run(task, arg);
        } catch (SchedulerException | RuntimeException e) {
            LOG.error("{} {} failed; the next trigger will try again", task, arg == null ? "" : arg, e);
        }
    }
}
