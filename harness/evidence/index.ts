export { collectHangEvidence, type HangEvidence } from './hang-evidence.ts';
export { digestThreadDump } from './thread-dump.ts';
export { digestPythonStacks } from './python-stacks.ts';
export { processTree, unanswerableState } from './process-tree.ts';
