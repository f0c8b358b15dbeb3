export function versionProblems(nodeVersion: string, npmVersion: string): string[];
