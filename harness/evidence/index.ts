export { collectHangEvidence, type EvidenceFile, type EvidenceSources, type HangEvidence } from './hang-evidence.ts';
export { digestThreadDump } from './thread-dump.ts';
export { digestPythonStacks } from './python-stacks.ts';
export { processTree, unanswerableState, type OsProcess } from './process-tree.ts';
