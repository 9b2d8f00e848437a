// The shape of the knowledge library: scenarios (场景), their one work-order template (一场景一模板)
// and the request kinds. Plain data only; validation and search live in sibling modules.

/** The eight request kinds of the 95598 hotline (咨询查询、意见、建议、投诉、举报、表扬、业务办理、故障报修). */
export const ORDER_KINDS = [
  'consultation', // 咨询查询
  'opinion', // 意见
  'suggestion', // 建议
  'complaint', // 投诉
  'report', // 举报
  'praise', // 表扬
  'service', // 业务办理 (service request)
  'repair', // 故障报修 (fault repair)
] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** Sensitivity of a scenario (服务敏感场景): 0 ordinary … 3 highly sensitive (media, petitions, safety). */
export type Sensitivity = 0 | 1 | 2 | 3;

/** One field of a work-order template form. */
export interface TemplateField {
  /** Machine name, used in placeholders such as `{account}` and in dispatch rules. */
  name: string;
  /** Label shown to the agent (Chinese). */
  label: string;
  type: 'text' | 'textarea' | 'select' | 'phone' | 'account' | 'date' | 'datetime' | 'number' | 'yesno';
  required?: boolean;
  /** Choices for `select`. */
  options?: string[];
  /** Optional regular expression (source text) the value must match. */
  pattern?: string;
  /** Message shown when `pattern` fails (Chinese). */
  patternMessage?: string;
  /** Hint shown under the field. */
  help?: string;
}

/**
 * A dispatch rule (派单要求): when every condition holds on the filled fields, the order goes to
 * the named departments instead of (or in addition to) the matrix route. Rules are tried in order;
 * the first match wins. Example: 充电桩运维主体判定 — `{ when: { pileOperator: '国网电动汽车公司' }, ... }`.
 */
export interface DispatchRule {
  /** Field name → required value (string equality) or list of accepted values. */
  when: Record<string, string | string[]>;
  /** Department codes the order is routed to. */
  departments: string[];
  /** Short explanation shown to the agent (Chinese). */
  note?: string;
}

/** The one work-order template of a scenario. */
export interface WorkOrderTemplate {
  kind: OrderKind;
  /** Responsibility-matrix third-level code (e.g. `C03-02`) used to route and to detect repeats. */
  matrixCode?: string;
  fields: TemplateField[];
  /** Description filled from the fields, e.g. `客户{name}反映{address}停电，...`. */
  description: string;
  dispatch?: DispatchRule[];
  /** Time limit in hours for this order; defaults to the kind's limit when absent. */
  timeLimitHours?: number;
}

/** A forbidden phrase (服务忌语) with the better alternative. */
export interface ForbiddenPhrase {
  phrase: string;
  instead: string;
}

/** A scenario script (场景话术). */
export interface Scenario {
  /** Stable code, e.g. `TD-001`. */
  code: string;
  title: string;
  /** Business category path, e.g. `停送电/计划停电`. */
  category?: string;
  /** How callers say it (colloquial). */
  phrasings?: string[];
  keywords?: string[];
  /** Standard reply steps; may contain placeholders like `{name}` or `{account}`. */
  script?: string[];
  /** Inquiry points (问询要点) the agent ticks off. */
  inquiry?: string[];
  forbidden?: ForbiddenPhrase[];
  sensitivity?: Sensitivity;
  /** Escalation path for sensitive scenarios. */
  escalation?: string;
  template?: WorkOrderTemplate;
}

/** Default time limits (hours) per order kind, used when a template does not set its own. */
export const DEFAULT_TIME_LIMIT_HOURS: Record<OrderKind, number> = {
  consultation: 24,
  opinion: 240,
  suggestion: 240,
  complaint: 144,
  report: 240,
  praise: 240,
  service: 120,
  repair: 4,
};
