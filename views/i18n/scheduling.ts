// UI strings of the scheduling area, merged into the one dictionary (views/i18n.ts).
export const schedulingStrings: { 'zh-CN': Record<string, string>; en: Record<string, string> } = {
  'zh-CN': {},
  en: {},
};
