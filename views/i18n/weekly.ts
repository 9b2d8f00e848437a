// UI strings of the weekly screens, merged into the one dictionary (views/i18n.ts).
export const weeklyStrings: { 'zh-CN': Record<string, string>; en: Record<string, string> } = {
  'zh-CN': {},
  en: {},
};
