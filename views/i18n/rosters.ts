// UI strings of the roster screens, merged into the one dictionary (views/i18n.ts).
export const rostersStrings: { 'zh-CN': Record<string, string>; en: Record<string, string> } = {
  'zh-CN': {},
  en: {},
};
