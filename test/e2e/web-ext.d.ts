// The slice of web-ext's Node API the lint test uses (web-ext ships no type declarations).
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
  }
  export interface LintResult {
    summary: { errors: number; notices: number; warnings: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(
        params: {
          sourceDir: string;
          output?: 'text' | 'json' | 'none';
          selfHosted?: boolean;
          warningsAsErrors?: boolean;
        },
        options?: { shouldExitProgram?: boolean },
      ): Promise<LintResult>;
    };
  };
  export default webExt;
}
