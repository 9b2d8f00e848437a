// UI strings of the quality area, merged into the one dictionary (views/i18n.ts).
export const qualityStrings: { 'zh-CN': Record<string, string>; en: Record<string, string> } = {
  'zh-CN': {},
  en: {},
};
