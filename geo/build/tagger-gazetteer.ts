// The gazetteer lookup the tagger is trained with: the project's own gazetteer, so that the
// gazetteer features mean at training time exactly what they mean at run time. Retrain
// (npm run --silent build:tagger) after rebuilding the gazetteer.
import { loadGazetteer } from '../gazetteer/node.ts';
import type { NameClassLookup } from '../recognise/tagger.ts';

export function loadTrainingGazetteer(): NameClassLookup {
  const gazetteer = loadGazetteer();
  return (folded: string) => gazetteer.nameClass(folded);
}
