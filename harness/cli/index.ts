export { verdictExitCode } from './run-command.ts';
export { planCells } from './version-args.ts';
