import { service } from './support/service';
const text = 'a: [1, {b: *x}]\n- broken: [\n"unterminated\n';
const doc = service.parse(text, 'compose');
for (let offset = 0; offset <= text.length; offset++) {
  const [chain] = service.selectionRanges(doc, [offset]);
  for (let i = 1; i < chain!.length; i++) if (!(chain![i]!.start <= chain![i - 1]!.start && chain![i]!.end >= chain![i - 1]!.end)) console.log(offset, JSON.stringify(chain));
}
console.log(JSON.stringify(doc.documents), doc.syntaxFindings);
