export * from './channels';
export * from './events';
export * from './errors';
export * from './result';
export * from './bridge';
export * from './schemas/app';
export * from './schemas/db';
