// Email templates: the field catalogue, validation and rendering, pure and shared by main
// (sending, previews, refusing a bad save) and the renderer (errors while typing).
export * from './catalogue';
export * from './format';
export * from './messages';
export * from './render';
export * from './scan';
