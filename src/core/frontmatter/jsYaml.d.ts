// Typings for the part of js-yaml (4.x) that the frontmatter parser uses. js-yaml ships no types and
// @types/js-yaml is not installed; this ambient declaration covers exactly the API called here.
declare module 'js-yaml' {
  export interface Mark {
    /** 0-based line of the error in the parsed string */
    line: number;
    /** 0-based column (UTF-16 code units) */
    column: number;
    /** 0-based offset in the parsed string */
    position: number;
  }

  export class YAMLException extends Error {
    /** the error without its position and source snippet */
    reason: string;
    mark?: Mark;
  }

  export interface Schema {
    readonly __schema: unique symbol;
    /** a schema with more types: implicit ones are recognised by their text (`<<` for merge) */
    extend(definition: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }

  export interface Type {
    readonly __type: unique symbol;
  }

  /** the types js-yaml defines; only `merge` (`<<: *defaults`, YAML 1.1's merge key) is used */
  export const types: { merge: Type };

  /** null, bool, int, float, str, seq, map: no timestamps, no merge keys, no JS types */
  export const CORE_SCHEMA: Schema;
  export const JSON_SCHEMA: Schema;
  export const FAILSAFE_SCHEMA: Schema;

  export interface LoadOptions {
    schema?: Schema;
    filename?: string;
    json?: boolean;
    onWarning?: (warning: YAMLException) => void;
  }

  export function load(text: string, options?: LoadOptions): unknown;
}
