// Synonyms and colloquialisms of hotline callers, each mapped to one canonical token.

/** A group of words that mean the same thing; `canonical` is the token both sides index. */
export interface SynonymGroup {
  canonical: string;
  variants: readonly string[];
}

/**
 * Which caller words mean the same as a canonical domain word?
 * Both documents and queries emit the canonical token for any variant they contain, so a caller
 * saying 没电 matches a scenario written about 停电.
 * Example: the group `{ canonical: '停电', variants: ['没电', '断电', ...] }`.
 */
export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  { canonical: '停电', variants: ['没电', '断电', '停了电', '停电了', '断了电', '没有电', '黑了', '灯不亮', '不来电', '掉电'] },
  { canonical: '复电', variants: ['来电', '送电', '恢复供电', '恢复送电', '通电', '恢复用电', '什么时候来电'] },
  { canonical: '电能表', variants: ['电表', '电度表', '智能表', '智能电表', '表计', '电子表', '表'] },
  { canonical: '缴费', variants: ['交费', '交电费', '缴电费', '充值', '充电费钱', '付电费', '买电', '购电', '预存'] },
  { canonical: '充电桩', variants: ['充电枪', '充电柱', '充电器', '快充桩', '慢充桩', '桩'] },
  { canonical: '欠费', variants: ['欠缴', '没交钱', '没缴费', '拖欠', '欠电费', '余额不足'] },
  { canonical: '跳闸', variants: ['掉闸', '跳了闸', '跳开关', '空开跳', '总闸跳'] },
  { canonical: '电费过高', variants: ['电费高', '电费贵', '电费太贵', '电费太高', '电费多', '电费突增', '电费翻倍', '多收电费', '电费不对'] },
  { canonical: '电压低', variants: ['电压不够', '低电压', '电压不稳', '灯很暗', '灯暗', '带不动'] },
  { canonical: '抢修', variants: ['维修', '修理', '来修', '派人修', '抢修人员'] },
  { canonical: '报修', variants: ['报障', '报故障', '故障报修'] },
  { canonical: '过户', variants: ['更名', '改名字', '换户名', '户名变更'] },
  { canonical: '增容', variants: ['加容量', '扩容', '增加容量', '容量不够', '要加容量', '容量要加', '加大容量', '容量加大'] },
  { canonical: '分布式光伏', variants: ['光伏', '太阳能发电', '屋顶光伏', '光伏板', '太阳能板'] },
  { canonical: '电动汽车', variants: ['新能源汽车', '电车', '电动车', '新能源车'] },
  { canonical: '投诉', variants: ['告你们', '要投诉', '曝光你们', '找领导'] },
  { canonical: '退费', variants: ['退款', '退钱', '返还', '退回'] },
  { canonical: '网上国网', variants: ['国网app', '国家电网app', '网上国网app'] },
  { canonical: '电e宝', variants: ['电e宝app', '电易宝'] },
  { canonical: '发票', variants: ['开票', '电子发票', '增值税发票'] },
  { canonical: '窃电', variants: ['偷电', '私拉乱接', '违约用电'] },
  { canonical: '电费账单', variants: ['账单', '电费单', '电费清单', '电费明细'] },
  { canonical: '峰谷电价', variants: ['分时电价', '峰谷电', '谷电', '夜间电价', '夜里电价', '晚上电价', '半夜电价', '夜里便宜', '晚上便宜'] },
  { canonical: '未到账', variants: ['没到账', '不到账', '没有到账', '还说我欠', '显示还欠', '还欠着', '没销账'] },
  { canonical: '价格', variants: ['收费', '怎么收费', '收费标准', '多少钱', '价钱'] },
  { canonical: '查询', variants: ['查一下', '查下', '查查', '查电费', '想查'] },
  { canonical: '触电', variants: ['电到人', '被电了', '漏电伤人'] },
  { canonical: '安全隐患', variants: ['电线老化', '线路破损', '电线掉下来', '电线断了', '电杆歪了', '倒杆'] },
];

/**
 * What canonical token does a word stand for, if it is a synonym variant or canonical word?
 * Example: `canonicalOf('没电') === '停电'`, `canonicalOf('电费') === undefined`.
 */
export function canonicalOf(word: string): string | undefined {
  return CANONICAL_BY_WORD.get(word);
}

const CANONICAL_BY_WORD: ReadonlyMap<string, string> = new Map(
  SYNONYM_GROUPS.flatMap((group) => [
    [group.canonical, group.canonical] as const,
    ...group.variants.map((variant) => [variant.toLowerCase(), group.canonical] as const),
  ]),
);
