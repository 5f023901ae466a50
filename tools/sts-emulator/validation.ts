import { validationError } from './aws-error';

interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: string;
}

/**
 * Reads request parameters and collects constraint failures into AWS's single message:
 * "2 validation errors detected: Value '1' at 'tokenCode' failed to satisfy constraint: ...; ...".
 */
export class ParameterReader {
  private readonly failures: string[] = [];

  constructor(private readonly params: URLSearchParams) {}

  string(name: string, rule: StringRule = {}): string | undefined {
    const value = this.params.get(name) ?? undefined;
    const member = memberName(name);
    if (value === undefined) {
      if (rule.required)
        this.failures.push(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
      return undefined;
    }
    const fail = (constraint: string): void => {
      this.failures.push(`Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`);
    };
    if (rule.min !== undefined && value.length < rule.min)
      fail(`Member must have length greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value.length > rule.max)
      fail(`Member must have length less than or equal to ${rule.max}`);
    if (rule.pattern !== undefined && !new RegExp(`^(?:${rule.pattern})$`, 'u').test(value)) {
      fail(`Member must satisfy regular expression pattern: ${rule.pattern}`);
    }
    return value;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const text = this.params.get(name);
    if (text === null) return undefined;
    const member = memberName(name);
    if (!/^-?\d+$/.test(text.trim())) {
      this.failures.push(`Value '${text}' at '${member}' failed to satisfy constraint: Member must be a number`);
      return undefined;
    }
    const value = Number(text);
    if (value < min)
      this.failures.push(
        `Value '${value}' at '${member}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
      );
    if (value > max)
      this.failures.push(
        `Value '${value}' at '${member}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
      );
    return value;
  }

  /** Throws the collected ValidationError, if any. */
  done(): void {
    const count = this.failures.length;
    if (count === 0) return;
    throw validationError(`${count} validation error${count === 1 ? '' : 's'} detected: ${this.failures.join('; ')}`);
  }
}

const memberName = (parameter: string): string => parameter[0]!.toLowerCase() + parameter.slice(1);
