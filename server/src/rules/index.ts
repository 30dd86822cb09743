import { brokenWrap } from './brokenWrap';
import { halfwidthPunctuation } from './halfwidthPunctuation';
import { missingByline } from './missingByline';
import { orphanedContinuation } from './orphanedContinuation';
import type { Rule } from './rule';
import { spacedHeadline } from './spacedHeadline';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [brokenWrap, orphanedContinuation, missingByline, spacedHeadline, halfwidthPunctuation];
