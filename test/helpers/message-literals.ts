/** The literal text of an ICU message: what a reader sees of it, across every plural and select branch. */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

function literals(elements: MessageFormatElement[], found: string[]): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) found.push(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) literals(option.value, found);
    }
  }
  return found;
}

export function messageLiterals(message: string): string[] {
  return literals(parse(message), []);
}
