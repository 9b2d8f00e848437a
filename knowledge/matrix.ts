// The responsibility matrix (责任矩阵): four-level classification of customer requests, each
// third-level situation owned by exactly one department (归口部门) and worked by one or more
// responsible departments (责任部门).

/** A department of the utility that orders are routed to. */
export interface Department {
  /** Stable code, e.g. `D-MKT`. */
  code: string;
  /** Chinese name, e.g. `市场营销部`. */
  name: string;
  /** `owning` departments lead cases (归口); `responsible` ones do the work (责任). */
  role: 'owning' | 'responsible';
}

/** A third-level situation with its optional fourth-level specifics. */
export interface MatrixEntry {
  /** Stable code of the third-level situation, e.g. `C03-02`. */
  code: string;
  /** Level 1 business class (一级分类), e.g. `供电质量`. */
  level1: string;
  /** Level 2 (二级分类). */
  level2: string;
  /** Level 3 situation (三级分类). */
  level3: string;
  /** Level 4 specific situations (具体情况), optional. */
  specifics?: string[];
  /** Exactly one owning department code. */
  owner: string;
  /** One or more responsible department codes. */
  responsible: string[];
}

/** The whole matrix as plain data. */
export interface ResponsibilityMatrix {
  departments: Department[];
  entries: MatrixEntry[];
}
