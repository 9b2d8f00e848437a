// UI strings of the knowledge area, merged into the one dictionary (views/i18n.ts).
export const knowledgeStrings: { 'zh-CN': Record<string, string>; en: Record<string, string> } = {
  'zh-CN': {},
  en: {},
};
