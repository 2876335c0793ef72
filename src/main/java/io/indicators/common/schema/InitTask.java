package io.indicators.common.schema;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * The one-shot step of a rollout: with {@code indicators.init-task=true} the process migrates the schema (Flyway,
 * as the schema owner), applies the seeds, and exits 0, so the serving pods do neither on every start
 * (deploy/kubernetes/base/init-job.yaml; they run with migrations and seeds off and wait for the schema,
 * SchemaVersion). Quarkus's own init-and-exit ends the process before start-up observers run, where the seed loader
 * is, hence this: it observes start-up after everything else (the seeds included) and then exits.
 */
@ApplicationScoped
public class InitTask {

    private static final Logger LOG = Logger.getLogger(InitTask.class);

    private final boolean initTask;

    InitTask(@ConfigProperty(name = "indicators.init-task", defaultValue = "false") boolean initTask) {
        this.initTask = initTask;
    }

    void exitOnceInitialised(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        if (initTask) {
            LOG.info("Init task done: the schema is migrated and the seeds are applied; exiting");
            Quarkus.asyncExit(0);
        }
    }
}
