export * from './police-uk/index.ts';
