package io.backupsentinel.schedule;

import io.backupsentinel.engine.Monitor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Evaluates one rule against the latest facts. Never throws: a failure is logged once. */
@DisallowConcurrentExecution
public final class EvaluateJob implements Job {
    static final String RULE = "rule";
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        String rule = context.getMergedJobDataMap().getString(RULE);
        try {
            ((Monitor) context.getScheduler().getContext().get(Daemon.MONITOR)).evaluate(rule);
        } catch (SchedulerException | RuntimeException e) {
            LOG.error("evaluating rule {} failed; the next scheduled run will try again", rule, e);
        }
    }
}
