/**
 * A WHERE clause built from optional filters: each condition binds its value as the next numbered parameter (every `?`
 * in it stands for that value), so no caller counts placeholders. `params` may start with values the query binds first.
 */
export class SqlConditions {
  readonly params: unknown[];
  private readonly conditions: string[] = [];

  constructor(params: unknown[] = []) {
    this.params = params;
  }

  /** Adds `sql` with each `?` bound to `value`. */
  add(sql: string, value: unknown): this {
    this.conditions.push(sql.replaceAll('?', this.bind(value)));
    return this;
  }

  /** Adds a condition without a value. */
  addText(sql: string): this {
    this.conditions.push(sql);
    return this;
  }

  /** Binds a value used outside the conditions (a LIMIT) and returns its placeholder. */
  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** `WHERE a AND b …`, or '' without conditions. */
  where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
