import { ACCESS_CONTROL_ACTOR } from '../../verdicts/index.ts';
import { withStatus, type StepHandler } from './step-handler.ts';

/** `grant` / `revoke`: changes a scenario principal's grants in the reference access-control layer. */
export const grantStep: StepHandler = async ({ step, ctx, database, base }) => {
  const verb = step.grant ? 'grant' : 'revoke';
  const change = (step.grant ?? step.revoke)!;
  if (!ctx.authority)
    return {
      ...base,
      status: 'skip',
      skippedEngines: [
        { ...ACCESS_CONTROL_ACTOR, reason: `${verb} needs the reference access-control layer; this catalog manages its own grants` },
      ],
    };
  const ok = ctx.authority[verb](database, change.principal, { privilege: change.privilege, on: change.on });
  base.engines.push({
    ...ACCESS_CONTROL_ACTOR,
    status: ok ? 'pass' : 'error',
    statement: `${verb} ${change.privilege} on ${change.on} ${step.grant ? 'to' : 'from'} ${change.principal}`,
    durationMs: 0,
    failures: [],
    reason: ok ? undefined : `unknown principal ${change.principal}`,
  });
  return withStatus(base);
};
