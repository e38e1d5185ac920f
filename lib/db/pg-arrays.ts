/**
 * PostgreSQL array literals for large numeric parameters. node-pg serialises an array parameter element by element
 * through its generic value preparation (tens of milliseconds per 10,000 elements); numbers need no escaping, so a
 * joined literal is sent instead (`$n::float8[]` etc. in the statement).
 */

/** `{1,2.5,NULL}`: finite numbers as JavaScript prints them (valid float8/int input), null/undefined as NULL. */
export function numberArrayLiteral(xs: readonly (number | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) out += ',';
    const x = xs[i];
    if (x === null || x === undefined) out += 'NULL';
    else if (Number.isFinite(x)) out += String(x);
    else out += Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  }
  return out + '}';
}

/** `{t,f,NULL}` for a boolean[] parameter. */
export function booleanArrayLiteral(xs: readonly (boolean | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) out += ',';
    const x = xs[i];
    out += x === null || x === undefined ? 'NULL' : x ? 't' : 'f';
  }
  return out + '}';
}

/**
 * `{"a","b\"c",NULL}` for a text[] parameter: every element double-quoted with `"` and `\` escaped, so commas, braces,
 * spaces and the word NULL stay text; null/undefined as NULL.
 */
export function textArrayLiteral(xs: readonly (string | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) out += ',';
    const x = xs[i];
    out += x === null || x === undefined ? 'NULL' : `"${x.replace(/[\\"]/g, '\\$&')}"`;
  }
  return out + '}';
}
