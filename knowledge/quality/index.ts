// Quality checking (质): the public surface of the scorecard, sampling, transcript, agreement and report modules.
export * from './agreement.ts';
export * from './sampling.ts';
export * from './targeting.ts';
export * from './scorecard.ts';
export * from './transcript.ts';
export * from './report.ts';
