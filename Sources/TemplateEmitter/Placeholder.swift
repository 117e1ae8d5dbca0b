// TemplateEmitter
