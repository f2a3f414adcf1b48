export { planCells, verdictExitCode } from './run-command.ts';
